package io.newsflow.ingest;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Topics;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Where each article stands, for {@code GET /v1/articles/{id}}: every record on news.raw, news.enriched,
 * news.published and news.dlq becomes an {@link ArticleStatus} in a store keyed by article id (enriched, published and
 * dead-lettered records are re-keyed by id first, so one task sees all of an article's records: those topics are not
 * partitioned like news.raw). Values are read as
 * bytes: only keys, headers and timestamps matter here. Each ingest instance holds the statuses of its partitions;
 * a second instance answers only for its own (noted in the README: a shared view is future work).
 */
final class ArticleStatusFlow {

    static final String STORE = "article-status";
    static final String BY_ID = "status-by-id";

    private ArticleStatusFlow() {
    }

    /**
     * The topics this flow reads without owning them, for Streams' exception handlers: a record on them that cannot
     * be read or processed is skipped here, never dead-lettered, since the service that reads it for its work
     * (enrich for news.raw, publish for news.enriched, publish's webhook app for news.published) dead-letters it
     * already. The status repartition topic carries only what this flow derived from news.published and news.dlq.
     * A record of news.dlq itself is never dead-lettered again, by any app ({@code DeadLetterHandler}). Values are
     * read as bytes, so in practice nothing here fails on a poison pill; this is the rule for when something does.
     */
    static java.util.Set<String> observedTopics(Topics topics, String applicationId) {
        return java.util.Set.of(topics.raw().name(), topics.enriched().name(), topics.published().name(),
                applicationId + "-" + BY_ID + "-repartition");
    }

    static void addTo(StreamsBuilder builder, Topics topics) {
        Consumed<String, byte[]> bytes = Consumed.with(Serdes.String(), Serdes.ByteArray());
        KStream<String, ArticleStatus> accepted = builder.stream(topics.raw().name(),
                        bytes.withName("status-read-raw"))
                .processValues(() -> new ToStatus(ArticleStatus.ACCEPTED), Named.as("status-accepted"));
        KStream<String, ArticleStatus> enriched = builder.stream(topics.enriched().name(),
                        bytes.withName("status-read-enriched"))
                .processValues(() -> new ToStatus(ArticleStatus.ENRICHED), Named.as("status-enriched"));
        KStream<String, ArticleStatus> published = builder.stream(topics.published().name(),
                        bytes.withName("status-read-published"))
                .processValues(() -> new ToStatus(ArticleStatus.PUBLISHED), Named.as("status-published"));
        KStream<String, ArticleStatus> rejected = builder.stream(topics.dlq().name(),
                        bytes.withName("status-read-dlq"))
                .processValues(() -> new ToStatus(ArticleStatus.REJECTED), Named.as("status-rejected"));
        // news.enriched has one partition (TopicAdmin#partitionsFor), news.raw many: its statuses are re-keyed too.
        KStream<String, ArticleStatus> rekeyed = enriched.merge(published, Named.as("status-rekey-enriched"))
                .merge(rejected, Named.as("status-rekey"))
                .filter((key, status) -> status.id() != null, Named.as("status-with-id"))
                .selectKey((key, status) -> status.id(), Named.as("status-key-by-id"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ArticleStatus.class)).withName(BY_ID));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                JsonSerde.of(ArticleStatus.class)));
        accepted.filter((key, status) -> status.id() != null, Named.as("status-keyed"))
                .merge(rekeyed, Named.as("status-merge-all"))
                .process(KeepFurthest::new, Named.as("status-keep-furthest"), STORE);
    }

    /** Dead-letter steps that do not decide an article's fate. */
    static final java.util.Set<String> NOT_A_FATE = java.util.Set.of("publish.webhook");

    /** One record of a pipeline topic as the status it gives its article. */
    private static final class ToStatus extends ContextualFixedKeyProcessor<String, byte[], ArticleStatus> {
        private final String status;

        ToStatus(String status) {
            this.status = status;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            Instant at = Instant.ofEpochMilli(record.timestamp());
            ArticleStatus value;
            if (status.equals(ArticleStatus.REJECTED)) {
                if (NOT_A_FATE.contains(String.valueOf(HeaderText.get(record.headers(), DeadLetterHeaders.STEP)))) {
                    return; // a webhook parked for a broken subscriber says nothing about the article itself
                }
                String id = HeaderText.get(record.headers(), DeadLetterHeaders.ARTICLE_ID);
                value = new ArticleStatus(id != null ? id : record.key(), status,
                        HeaderText.get(record.headers(), DeadLetterHeaders.MESSAGE),
                        HeaderText.get(record.headers(), DeadLetterHeaders.STEP), at);
            } else if (status.equals(ArticleStatus.PUBLISHED)) {
                String uri = record.key();
                value = new ArticleStatus(uri != null && uri.startsWith(ArticleIds.uri(""))
                        ? ArticleIds.idOf(uri) : null, status, null, null, at);
            } else {
                value = new ArticleStatus(record.key(), status, null, null, at);
            }
            context().forward(record.withValue(value));
        }
    }

    /**
     * Keeps the furthest step per article: records of different topics reach the status topic in no fixed order, and
     * "enriched" read after "published" must not turn a published article back. A newer acceptance (a correction
     * sent later) starts over.
     */
    private static final class KeepFurthest implements Processor<String, ArticleStatus, Void, Void> {
        private KeyValueStore<String, ArticleStatus> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, ArticleStatus> record) {
            if (record.key() == null || record.value() == null) {
                return;
            }
            ArticleStatus known = store.get(record.key());
            ArticleStatus next = record.value();
            if (known == null || next.rank() >= known.rank() || next.at().isAfter(known.at())) {
                store.put(record.key(), next);
            }
        }
    }
}
