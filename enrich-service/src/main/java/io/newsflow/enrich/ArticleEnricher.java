package io.newsflow.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;

/**
 * The enrichment steps, composed: read the structure of the payload (by content type), clean it, then measure and
 * fingerprint it. Pure and deterministic: the same raw article always yields the same enriched article.
 */
public final class ArticleEnricher {

    public Outcome<EnrichedArticle> enrich(RawArticle raw) {
        return structure(raw).flatMap(text -> {
            if (text.paragraphs().isEmpty()) {
                return Outcome.rejected("no-article-text",
                        "nothing is left of the article once ad markers and markup are removed");
            }
            String headline = text.headline().isEmpty() ? firstWords(text.paragraphs().get(0)) : text.headline();
            String body = String.join("\n\n", text.paragraphs());
            return Outcome.accepted(new EnrichedArticle(
                    raw.id(),
                    raw.source(),
                    raw.receivedAt(),
                    headline,
                    text.paragraphs(),
                    EnrichedArticle.UNDETERMINED_LANGUAGE,
                    TextMetrics.wordCount(body),
                    TextMetrics.charCount(body),
                    ArticleIds.sha256Hex(headline + "\n\n" + body)));
        });
    }

    private static Outcome<ArticleText> structure(RawArticle raw) {
        return switch (raw.contentType()) {
            case ContentTypes.HTML -> Outcome.accepted(HtmlParser.parse(raw.payload()));
            case ContentTypes.JSON -> {
                try {
                    yield Outcome.accepted(EnvelopeParser.parse(raw.payload()));
                } catch (JsonProcessingException e) {
                    yield Outcome.rejected("malformed-json", "the JSON envelope cannot be parsed: "
                            + e.getOriginalMessage());
                }
            }
            default -> Outcome.accepted(PlainTextParser.parse(raw.payload()));
        };
    }

    /** A headline for an article sent without one: its first words, cut at a word boundary. */
    static String firstWords(String paragraph) {
        int limit = 80;
        if (paragraph.length() <= limit) {
            return paragraph;
        }
        int cut = paragraph.lastIndexOf(' ', limit);
        return paragraph.substring(0, cut > 0 ? cut : limit) + "…";
    }
}
