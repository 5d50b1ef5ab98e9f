package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link ArticleQueries} over the publish topology's state store (interactive queries). It sees the partitions this
 * instance owns: with several publish instances each serves its share.
 */
final class StoreArticleQueries implements ArticleQueries {

    private final KafkaStreams streams;

    StoreArticleQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<NinjsDocument> latest(int limit) {
        List<NinjsDocument> documents = new ArrayList<>();
        try (var all = store().all()) {
            all.forEachRemaining(entry -> documents.add(entry.value.document()));
        }
        documents.sort(Comparator.comparing(NinjsDocument::versioncreated).reversed()
                .thenComparing(NinjsDocument::uri));
        return documents.subList(0, Math.min(limit, documents.size()));
    }

    @Override
    public Optional<NinjsDocument> byId(String id) {
        return Optional.ofNullable(store().get(id)).map(PublishedArticle::document);
    }

    private ReadOnlyKeyValueStore<String, PublishedArticle> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                PublishTopology.ARTICLES_STORE, QueryableStoreTypes.keyValueStore()));
    }
}
