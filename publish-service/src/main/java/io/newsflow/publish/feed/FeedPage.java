package io.newsflow.publish.feed;

import io.newsflow.publish.ArticlePage;
import io.newsflow.publish.ArticleQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One page of a feed, before it has a format: what JSON Feed, Atom and RSS each write in their own way.
 *
 * @param title    names the feed and its filters, e.g. {@code newsflow: language=de, q=riyadh}
 * @param feedUrl  the feed's first page: its identity
 * @param selfUrl  this page
 * @param nextUrl  the next page; null on the last page
 * @param homeUrl  the same articles as ninjs ({@code /articles} with the same filters)
 * @param language the language filter, if any: then the whole feed is in that language
 * @param updated  the newest entry's versioncreated (the epoch for an empty feed, so the bytes, and the ETag, only
 *                 change when the entries do)
 */
record FeedPage(String title, String feedUrl, String selfUrl, String nextUrl, String homeUrl, String language,
                Instant updated, List<FeedEntry> entries) {

    static final String NAME = "newsflow";
    static final String DESCRIPTION = "Articles published by newsflow, newest first";

    static FeedPage of(ArticlePage page, FeedLinks links) {
        ArticleQuery query = links.query();
        List<FeedEntry> entries = page.documents().stream().map(document -> FeedEntry.of(document, links)).toList();
        String filters = query.filters().entrySet().stream().map(f -> f.getKey() + "=" + f.getValue())
                .collect(Collectors.joining(", "));
        return new FeedPage(FeedText.clean(filters.isEmpty() ? NAME : NAME + ": " + filters),
                links.feed(), links.self(), page.next().map(links::next).orElse(null), links.articles(),
                query.language(),
                entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH),
                entries);
    }
}
