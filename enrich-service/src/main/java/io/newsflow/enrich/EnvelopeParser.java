package io.newsflow.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the JSON envelope: {@code title} is the headline and then all of {@code body} (text or HTML) is the article;
 * without a title the body is read as a text or HTML article of its own. {@code url}, {@code author},
 * {@code publishedAt}, {@code language} and {@code embargoedUntil} are kept as the sender's metadata. Fields not
 * in {@link #KNOWN_FIELDS} are kept too, as sent, so that nothing a sender adds is lost on the way.
 */
final class EnvelopeParser {

    private static final Pattern HTML_TAG = Pattern.compile(
            "<(p|div|br|h[1-6]|ul|ol|li|a|span|article|section|html|body|img|figure|strong|em)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * The envelope fields newsflow reads somewhere: here, or in ingest ({@code source}, {@code idempotencyKey},
     * {@code id}, {@code pubstatus}). Everything else goes to {@link Envelope#extra()}.
     */
    static final Set<String> KNOWN_FIELDS = Set.of("title", "body", "url", "author", "publishedAt", "language",
            "source", "embargoedUntil", "idempotencyKey", "id", "pubstatus");

    private EnvelopeParser() {
    }

    /** The sender's metadata from an envelope; every field but {@code extra} (never null) may be null. */
    record Envelope(String url, String author, Instant publishedAt, Instant embargoedUntil, String language,
                    Map<String, JsonNode> extra, String pubstatus) {
        static final Envelope NONE = new Envelope(null, null, null, null, null, Map.of(), null);

        boolean retracts() {
            return EnrichedArticle.CANCELED.equals(pubstatus);
        }
    }

    record Parsed(ArticleText text, Envelope envelope) {
    }

    static Parsed parse(String json, CleaningReport report) throws JsonProcessingException {
        JsonNode envelope = Json.mapper().readTree(json);
        String body = envelope.path("body").asText("");
        boolean html = isHtml(body);
        String title = TextCleaning.normalize(TextCleaning.removeShortcodes(envelope.path("title").asText(""), report));
        ArticleText text;
        if (title.isEmpty()) {
            text = html ? HtmlArticleReader.read(body, report) : PlainTextParser.parse(body, report);
        } else {
            List<String> paragraphs = html ? HtmlArticleReader.bodyParagraphs(body, report)
                    : TextCleaning.paragraphs(List.of(TextCleaning.removeShortcodes(body, report).split("\n")), report);
            text = new ArticleText(title, paragraphs);
        }
        return new Parsed(text, new Envelope(text(envelope, "url"), text(envelope, "author"),
                instant(envelope, "publishedAt"), instant(envelope, "embargoedUntil"), text(envelope, "language"),
                extra(envelope), text(envelope, "pubstatus")));
    }

    /** The top-level fields newsflow does not know, in document order; none when the envelope is not an object. */
    private static Map<String, JsonNode> extra(JsonNode envelope) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        envelope.properties().forEach(field -> {
            if (!KNOWN_FIELDS.contains(field.getKey())) {
                extra.put(field.getKey(), field.getValue());
            }
        });
        return extra;
    }

    static boolean isHtml(String body) {
        return HTML_TAG.matcher(body).find();
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode node = envelope.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    /** An ISO 8601 instant, or null when absent or unreadable (the article is not rejected for its metadata). */
    private static Instant instant(JsonNode envelope, String field) {
        String value = text(envelope, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
