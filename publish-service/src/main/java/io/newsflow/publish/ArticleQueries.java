package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.Optional;

/** Read access to the published articles, for the HTTP API. */
public interface ArticleQueries {

    /**
     * One page of the articles that match {@code query}, newest first. The selection is the query's
     * ({@link ArticleQuery#matches}, {@link ArticleQuery#page}), so every implementation filters and pages alike.
     */
    ArticlePage find(ArticleQuery query);

    Optional<NinjsDocument> byId(String id);
}
