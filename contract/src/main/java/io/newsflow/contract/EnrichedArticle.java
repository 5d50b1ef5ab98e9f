package io.newsflow.contract;

import java.time.Instant;
import java.util.List;

/**
 * enrich's output on {@code news.enriched}: the clean article with its metadata.
 *
 * @param id          the article id (same as on {@code news.raw})
 * @param source      who sent it
 * @param receivedAt  when ingest took it in
 * @param headline    the article's headline, cleaned
 * @param paragraphs  the body, one paragraph per element, in order, with no ad markers or boilerplate
 * @param language    ISO 639-1 code, or {@code und} when not known
 * @param wordCount   words in the body
 * @param charCount   characters in the body (paragraphs joined by a blank line)
 * @param contentHash SHA-256 (hex) of headline and body: equal content, equal hash
 */
public record EnrichedArticle(
        String id,
        String source,
        Instant receivedAt,
        String headline,
        List<String> paragraphs,
        String language,
        int wordCount,
        int charCount,
        String contentHash) {

    public static final String UNDETERMINED_LANGUAGE = "und";

    public EnrichedArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The body as one text: paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
