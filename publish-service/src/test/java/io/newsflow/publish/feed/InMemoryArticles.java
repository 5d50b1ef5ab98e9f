package io.newsflow.publish.feed;

import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.publish.ArticleQueries;
import io.newsflow.publish.ArticleQuery;
import io.newsflow.publish.ArticlePage;
import java.util.List;
import java.util.Optional;

/** A fixed set of published articles in place of the state store, so the HTTP layer is tested alone. */
final class InMemoryArticles implements ArticleQueries {

    private final List<NinjsDocument> documents;

    InMemoryArticles(NinjsDocument... documents) {
        this.documents = List.of(documents);
    }

    @Override
    public ArticlePage find(ArticleQuery query) {
        return query.select(documents);
    }

    @Override
    public Optional<NinjsDocument> byId(String id) {
        return documents.stream().filter(d -> d.uri().equals("urn:newsflow:article:" + id)).findFirst();
    }

    /**
     * The seed, the hostile article and two German ones. Queries select with {@link ArticleQuery#select}, whose
     * filters and paging the state store's timeline shares.
     */
    static InMemoryArticles standard() {
        return new InMemoryArticles(FeedFixtures.seed(), FeedFixtures.hostile(),
                FeedFixtures.german("hochwasser-1", "2026-11-24T08:00:00Z"),
                FeedFixtures.german("hochwasser-2", "2026-11-24T08:30:00Z"));
    }
}
