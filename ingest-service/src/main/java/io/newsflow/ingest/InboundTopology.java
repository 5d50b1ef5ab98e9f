package io.newsflow.ingest;

import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.contract.TraceContext;
import io.newsflow.contract.metrics.PipelineMeters;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import io.newsflow.contract.streams.RejectionRouting;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * news.inbound to news.raw: every record a newsroom produced (or ingest's HTTP API and drop folder produced for them)
 * becomes a {@link RawArticle} keyed by its id, or goes to news.dlq as it was sent, with the reason. Accepted articles
 * pass through the {@link SourceLedger}, which numbers them and drops repeated idempotency keys: in news.inbound's one
 * task (it has one partition, {@code TopicAdmin#partitionsFor}), or, for a news.inbound of more partitions that an
 * earlier build created, after a repartition by source. The status of every article is kept too
 * ({@link ArticleStatusFlow}). Counts what it writes to news.raw ({@code newsflow_articles_accepted_total}) and what it
 * rejects ({@code newsflow_articles_rejected_total}).
 */
public final class InboundTopology {

    /** Headers a producer may set on news.inbound. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String SOURCE_HEADER = "source";
    public static final String IDEMPOTENCY_KEY_HEADER = "idempotency-key";
    static final String BY_SOURCE = "by-source";

    /** The topic Kafka Streams makes for the repartition by source, when the topology has it. */
    public static String bySourceTopic(String applicationId) {
        return applicationId + "-" + BY_SOURCE + "-repartition";
    }

    private InboundTopology() {
    }

    /** {@link #build(Topics, InboundNormalizer, PipelineMeters, boolean)} for news.inbound of one partition. */
    public static Topology build(Topics topics, InboundNormalizer normalizer, PipelineMeters meters) {
        return build(topics, normalizer, meters, false);
    }

    /**
     * @param repartitionBySource whether articles go through the {@code by-source} repartition topic before the
     *                            {@link SourceLedger}: needed when news.inbound has more than one partition (a topic an
     *                            earlier build created), so that one task owns each source; with one partition its one
     *                            task owns them all
     */
    public static Topology build(Topics topics, InboundNormalizer normalizer, PipelineMeters meters,
                                 boolean repartitionBySource) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, InboundMessage> messages = builder
                .stream(topics.inbound().name(), topics.inbound().consumed())
                .processValues(ToInboundMessage::new, Named.as("read-inbound"));
        Serializer<InboundMessage> asSent = (topic, message) -> message.value();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SourceLedger.SEQUENCES),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SourceLedger.IDEMPOTENCY_KEYS), Serdes.String(), Serdes.Long()));
        KStream<String, RawArticle> normalized = RejectionRouting.apply(messages, "ingest.normalize",
                normalizer::normalize, asSent, topics.dlq(), meters, rejection -> meters.rejected(rejection.error()));
        KStream<String, RawArticle> bySource = !repartitionBySource ? normalized : normalized
                .selectKey((key, article) -> article.source(), Named.as("key-by-source"))
                .repartition(Repartitioned.with(Serdes.String(), topics.raw().valueSerde()).withName(BY_SOURCE));
        bySource.processValues(SourceLedger::new, Named.as("source-ledger"), SourceLedger.SEQUENCES,
                        SourceLedger.IDEMPOTENCY_KEYS)
                .selectKey((source, article) -> article.id(), Named.as("key-by-article-id"))
                .peek((id, article) -> meters.accepted(), Named.as("count-accepted"))
                .to(topics.raw().name(), topics.raw().produced());
        ArticleStatusFlow.addTo(builder, topics);
        return builder.build();
    }

    /** Gathers the record's headers, position and timestamp: what the normalizer needs to know about it. */
    private static final class ToInboundMessage extends ContextualFixedKeyProcessor<String, byte[], InboundMessage> {
        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            RecordMetadata position = context().recordMetadata().orElseThrow();
            String source = HeaderText.get(record.headers(), SOURCE_HEADER);
            // Every article carries a trace from here on; Streams passes input headers on to what it produces.
            HeaderText.put(record.headers(), TraceContext.HEADER,
                    TraceContext.continueOrStart(HeaderText.get(record.headers(), TraceContext.HEADER)));
            InboundMessage message = new InboundMessage(
                    record.key(),
                    record.value(),
                    HeaderText.get(record.headers(), CONTENT_TYPE_HEADER),
                    source == null ? "kafka:" + position.topic() : source,
                    HeaderText.get(record.headers(), IDEMPOTENCY_KEY_HEADER),
                    position.topic() + "/" + position.partition() + "/" + position.offset(),
                    Instant.ofEpochMilli(record.timestamp()));
            context().forward(record.withValue(message));
        }
    }
}
