package io.newsflow.contract;

import java.time.Instant;

/**
 * Where an article stands in the pipeline, as {@code GET /v1/articles/{id}} reports it: the latest step it reached.
 *
 * @param id     the article id
 * @param status {@code accepted} (on news.raw), {@code enriched}, {@code published} or {@code rejected}
 * @param reason why it was rejected (the dead-letter reason); null otherwise
 * @param step   the step that rejected it ({@code enrich}, {@code publish}...); null otherwise
 * @param at     when the step happened (the record's timestamp)
 */
public record ArticleStatus(String id, String status, String reason, String step, Instant at) {

    public static final String ACCEPTED = "accepted";
    public static final String ENRICHED = "enriched";
    public static final String PUBLISHED = "published";
    public static final String REJECTED = "rejected";

    /** Later steps outrank earlier ones: records of different topics may be read in any order. */
    public int rank() {
        return switch (status) {
            case ACCEPTED -> 1;
            case ENRICHED -> 2;
            default -> 3;
        };
    }
}
