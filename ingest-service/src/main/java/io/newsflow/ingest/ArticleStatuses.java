package io.newsflow.ingest;

import io.newsflow.contract.ArticleStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers "where is article X": the status store ({@link ArticleStatusFlow}) knows an article once its first record
 * reached news.raw; until then, an article this instance has just acknowledged is reported as accepted.
 */
public final class ArticleStatuses {

    private static final int RECENT = 10_000;
    private final KafkaStreams streams;
    private final Map<String, Instant> recentlyAccepted = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > RECENT;
        }
    };

    public ArticleStatuses(KafkaStreams streams) {
        this.streams = streams;
    }

    synchronized void accepted(String id, Instant at) {
        recentlyAccepted.put(id, at);
    }

    public Optional<ArticleStatus> of(String id) {
        Optional<ArticleStatus> known = Optional.empty();
        try {
            known = Optional.ofNullable(store().get(id));
        } catch (InvalidStateStoreException e) {
            // the store is still being restored; fall back to what this instance accepted
        }
        if (known.isPresent()) {
            return known;
        }
        synchronized (this) {
            return Optional.ofNullable(recentlyAccepted.get(id))
                    .map(at -> new ArticleStatus(id, ArticleStatus.ACCEPTED, null, null, at));
        }
    }

    private ReadOnlyKeyValueStore<String, ArticleStatus> store() {
        // Standby copies too (StreamsSettings.withOneStandby): with two ingest instances, each answers for every
        // article.
        return streams.store(StoreQueryParameters.fromNameAndType(ArticleStatusFlow.STORE,
                QueryableStoreTypes.<String, ArticleStatus>keyValueStore()).enableStaleStores());
    }
}
