package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.List;
import java.util.Optional;

/** An empty article store, for tests of route modules that do not read it. */
final class NoArticles implements ArticleQueries {

    @Override
    public ArticlePage find(ArticleQuery query) {
        return query.select(List.of());
    }

    @Override
    public Optional<NinjsDocument> byId(String id) {
        return Optional.empty();
    }
}
