package io.newsflow.publish.feed;

import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.AltId;
import io.newsflow.contract.ninjs.NinjsDocument.Description;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One article as any feed shows it, whatever the format: every text already {@link FeedText#clean cleaned}, so the
 * three writers only map fields.
 *
 * @param id          the ninjs uri: stable across versions, so a correction updates the reader's entry
 * @param url         the article's ninjs on this API
 * @param externalUrl where the article was first published, only if it is an http(s) URL (a {@code javascript:}
 *                    source URL is never offered as a link); null otherwise
 * @param title       the main headline (the uri when there is none, as Atom requires a title)
 * @param summary     the ninjs summary description; null if there is none
 * @param body        the main body text; empty if there is none
 * @param published   firstcreated: when newsflow first published the article
 * @param updated     versioncreated: when this version was published
 * @param author      the byline; null if there is none
 * @param language    ISO 639-1; null when undetermined
 * @param tags        Media Topics and key phrases
 */
record FeedEntry(String id, String url, String externalUrl, String title, String summary, String body,
                 Instant published, Instant updated, String author, String language, List<Tag> tags) {

    private static final String ARTICLE_URI_PREFIX = "urn:newsflow:article:";

    /**
     * A subject: a Media Topic ({@code scheme} the vocabulary's URI, {@code code} its code) or a key phrase (both
     * null).
     */
    record Tag(String name, String scheme, String code) {
    }

    static FeedEntry of(NinjsDocument document, FeedLinks links) {
        String uri = FeedText.clean(document.uri());
        String headline = FeedText.clean(document.mainHeadline());
        String body = FeedText.clean(document.mainBody());
        Instant updated = instant(document.versioncreated(), Instant.EPOCH);
        return new FeedEntry(uri,
                uri != null && uri.startsWith(ARTICLE_URI_PREFIX)
                        ? links.article(uri.substring(ARTICLE_URI_PREFIX.length())) : links.articles(),
                webUrl(document.altids()),
                headline == null || headline.isBlank() ? uri : headline,
                summary(document.descriptions()),
                body == null ? "" : body,
                instant(document.firstcreated(), updated),
                updated,
                blankToNull(FeedText.clean(document.by())),
                document.language() == null || document.language().equalsIgnoreCase("und") ? null
                        : FeedText.clean(document.language()),
                tags(document.subjects()));
    }

    private static String summary(List<Description> descriptions) {
        return descriptions == null ? null : descriptions.stream()
                .filter(d -> "summary".equals(d.role()))
                .map(d -> blankToNull(FeedText.clean(d.value())))
                .filter(value -> value != null)
                .findFirst().orElse(null);
    }

    private static String webUrl(List<AltId> altids) {
        if (altids == null) {
            return null;
        }
        return altids.stream().filter(id -> "source-url".equals(id.role())).map(AltId::value)
                .filter(FeedEntry::isWebUrl).findFirst().orElse(null);
    }

    /** Only absolute http(s) URLs become links: a reader follows them, and the source URL comes from outside. */
    static boolean isWebUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && value.equals(FeedText.clean(value));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static List<Tag> tags(List<Subject> subjects) {
        if (subjects == null) {
            return List.of();
        }
        return subjects.stream().filter(s -> s.name() != null && !s.name().isBlank()).map(s -> {
            String name = FeedText.clean(s.name());
            if (s.uri() == null || !isWebUrl(s.uri()) || s.uri().endsWith("/")) {
                return new Tag(name, null, null);
            }
            int slash = s.uri().lastIndexOf('/');
            return new Tag(name, s.uri().substring(0, slash + 1), s.uri().substring(slash + 1));
        }).toList();
    }

    private static Instant instant(String timestamp, Instant otherwise) {
        if (timestamp == null) {
            return otherwise;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
