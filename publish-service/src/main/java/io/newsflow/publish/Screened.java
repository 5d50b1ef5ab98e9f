package io.newsflow.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.contract.EnrichedArticle;

/**
 * An enriched article after the duplicate screen: with the id of an earlier article it nearly repeats (SimHash within
 * {@link DuplicateScreen#NEAR_DISTANCE} bits), or null.
 *
 * @param traceparent the article's W3C trace context while it is held for its embargo, where the record that carried
 *                    it in a header is gone by the time it is released; null otherwise (and in what builds before
 *                    session 7 held)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Screened(EnrichedArticle article, String nearDuplicateOf, String traceparent) {

    /** This, remembering {@code traceparent} (which may be null) for its release. */
    Screened held(String traceparent) {
        return new Screened(article, nearDuplicateOf, traceparent);
    }
}
