package io.newsflow.publish.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsflow.contract.Json;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written by the one configured Jackson mapper. Texts are
 * plain text ({@code content_text}); paging uses the spec's {@code next_url}.
 */
final class JsonFeedWriter implements FeedWriter {

    static final String MEDIA_TYPE = "application/feed+json; charset=utf-8";
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public byte[] write(FeedPage page) {
        JsonFeed feed = new JsonFeed(VERSION, page.title(), page.homeUrl(), page.feedUrl(), FeedPage.DESCRIPTION,
                page.nextUrl(), page.language(), page.entries().stream().map(JsonFeedWriter::item).toList());
        try {
            return Json.mapper().writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON Feed of plain records always serializes", e);
        }
    }

    private static Item item(FeedEntry entry) {
        return new Item(entry.id(), entry.url(), entry.externalUrl(), entry.title(), entry.body(), entry.summary(),
                entry.published().toString(), entry.updated().toString(),
                entry.author() == null ? null : List.of(new Author(entry.author())), entry.language(),
                entry.tags().isEmpty() ? null : entry.tags().stream().map(FeedEntry.Tag::name).distinct().toList());
    }

    /** The top-level object; {@code items} is required, so it is written even when empty. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description,
                    @JsonProperty("next_url") String nextUrl, String language, List<Item> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, @JsonProperty("external_url") String externalUrl, String title,
                @JsonProperty("content_text") String contentText, String summary,
                @JsonProperty("date_published") String datePublished,
                @JsonProperty("date_modified") String dateModified, List<Author> authors, String language,
                List<String> tags) {
    }

    record Author(String name) {
    }
}
