package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link ArticleQueries} over the publish topology's state stores (interactive queries), active or standby: the one
 * task runs on one publish instance, and another one answers from its standby copy
 * ({@code StreamsSettings.withOneStandby}), which may trail the active one by the changelog's lag (milliseconds when
 * both run). A page walks the {@link Timeline} from the reader's cursor and reads only the articles it needs: the
 * first page of an unfiltered feed reads 51 articles whatever the archive holds; a filter reads on until it has found
 * a page or the timeline ends.
 */
final class StoreArticleQueries implements ArticleQueries {

    private final KafkaStreams streams;

    StoreArticleQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public ArticlePage find(ArticleQuery query) {
        ReadOnlyKeyValueStore<String, String> timeline = store(Timeline.STORE);
        ReadOnlyKeyValueStore<String, PublishedArticle> articles = store(PublishTopology.ARTICLES_STORE);
        String after = query.after() == null ? null : Timeline.key(query.after());
        List<NinjsDocument> selected = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = after == null ? timeline.all() : timeline.range(after, null)) {
            while (entries.hasNext() && selected.size() <= query.limit()) {
                var entry = entries.next();
                if (entry.key.equals(after)) {
                    continue; // the page starts strictly after the cursor
                }
                PublishedArticle article = articles.get(entry.value);
                // Two stores are not read atomically: a version published meanwhile has moved on in the timeline.
                if (article != null && Timeline.key(PageCursor.of(article.document())).equals(entry.key)
                        && query.matches(article.document())) {
                    selected.add(article.document());
                }
            }
        }
        return query.page(selected);
    }

    @Override
    public Optional<NinjsDocument> byId(String id) {
        return Optional.ofNullable(this.<PublishedArticle>store(PublishTopology.ARTICLES_STORE).get(id))
                .map(PublishedArticle::document);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .enableStaleStores());
    }
}
