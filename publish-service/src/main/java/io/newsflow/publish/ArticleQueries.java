package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.List;
import java.util.Optional;

/** Read access to the published articles, for the HTTP API. */
public interface ArticleQueries {

    /** The latest version of each article, newest first (by versioncreated). */
    List<NinjsDocument> latest(int limit);

    Optional<NinjsDocument> byId(String id);

    /**
     * One page of the articles that match {@code query}, newest first. The selection itself is the query's, so every
     * implementation pages and filters alike; this one reads all articles, as the state store has no index to use.
     */
    default ArticlePage find(ArticleQuery query) {
        return query.select(latest(Integer.MAX_VALUE));
    }
}
