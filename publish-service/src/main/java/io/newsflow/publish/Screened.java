package io.newsflow.publish;

import io.newsflow.contract.EnrichedArticle;

/**
 * An enriched article after the duplicate screen: with the id of an earlier article it nearly repeats (SimHash within
 * {@link DuplicateScreen#NEAR_DISTANCE} bits), or null.
 */
public record Screened(EnrichedArticle article, String nearDuplicateOf) {
}
