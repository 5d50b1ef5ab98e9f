package io.newsflow.contract.streams;

import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.metrics.PipelineMeters;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration every newsflow Streams service starts from. */
public final class StreamsSettings {

    static final int COMMIT_INTERVAL_MS = 50;
    static final int POLL_MS = 10;
    static final int MAX_POLL_RECORDS = 100;
    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private StreamsSettings() {
    }

    /**
     * One standby replica of the app's stores unless {@code KAFKA_STREAMS_NUM_STANDBY_REPLICAS} says otherwise, for the
     * services whose HTTP API reads their stores (ingest's status view, publish's feeds and articles). With two
     * instances of such a service behind one load balancer, each then holds a copy of every store partition, active or
     * standby, and answers from it (queries read standby copies too: {@code enableStaleStores}), trailing the active
     * copy by the changelog's lag; a failed instance's tasks move without a restore. With one instance it costs
     * nothing.
     */
    public static PipelineSettings withOneStandby(PipelineSettings settings) {
        return settings.withKafka(settings.kafka().withStreamsDefault(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1));
    }

    /** {@link #forService(PipelineSettings, String, Set)} for an app that owns every topic it reads. */
    public static Properties forService(PipelineSettings settings, String service) {
        return forService(settings, service, Set.of());
    }

    /** {@link #forService(PipelineSettings, String, Set)} whose dead letters are counted in {@code meters}. */
    public static Properties forService(PipelineSettings settings, String service, Set<String> observedTopics,
                                        PipelineMeters meters) {
        Properties props = forService(settings, service, observedTopics);
        props.put(DeadLetterHandler.METERS_CONFIG, meters);
        return props;
    }

    /**
     * Streams properties for one service: exactly-once by default, and records that cannot be read or processed go
     * to the dead-letter topic through Kafka Streams' own handlers, which then continue with the next record
     * ({@link DeadLetterHandler}: also what is skipped instead, and why).
     *
     * @param observedTopics topics the service reads without owning them (ingest's status flow reads what the other
     *                       services write): a failure on one of their records is skipped, the owner dead-letters it
     */
    public static Properties forService(PipelineSettings settings, String service, Set<String> observedTopics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId(service));
        props.put(StreamsConfig.CLIENT_ID_CONFIG, settings.applicationId(service));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG,
                settings.replicationFactor().map(Short::intValue).orElse(-1));
        // Changelog and repartition topics need the same durability as newsflow's own topics.
        settings.replicationConfigs().forEach((key, value) -> props.put(StreamsConfig.topicPrefix(key), value));
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.topics().dlq());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetterHandler.SERVICE_CONFIG, service);
        props.put(DeadLetterHandler.OBSERVED_TOPICS_CONFIG, observedTopics.stream().sorted()
                .collect(Collectors.joining(",")));
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        // A record as large as a topic takes (KafkaSettings.MAX_TOPIC_RECORD_BYTES) is refused by the reader and
        // dead-lettered whole, with headers: the producer must send MAX_DEAD_LETTER_BYTES, and buffer it (its
        // default 32 MiB buffer would refuse such a record before max.request.size is even checked).
        props.put(StreamsConfig.producerPrefix("max.request.size"), KafkaSettings.MAX_DEAD_LETTER_BYTES);
        props.put(StreamsConfig.producerPrefix("buffer.memory"), 2L * KafkaSettings.MAX_DEAD_LETTER_BYTES);
        // Internal topics take whatever the producer may send, so that the broker never refuses what the producer
        // let through (under exactly-once, a refused batch fails the whole transaction, not one record).
        props.put(StreamsConfig.topicPrefix("max.message.bytes"),
                Integer.toString(KafkaSettings.MAX_DEAD_LETTER_BYTES));
        // At saturation a commit carries hundreds of records per partition; the producer's 16 KB default batch holds
        // a handful of 2-8 KB articles, so each commit sent many small requests. 256 KiB cut the broker's CPU per
        // article by about a third in `newsflow bench` (docs/performance.md); at low rates batches stay small anyway.
        props.put(StreamsConfig.producerPrefix("batch.size"), PRODUCER_BATCH_BYTES);
        // An article crosses five exactly-once hops (inbound, by-source, raw, enriched, all-articles), each visible
        // downstream only when its transaction commits. A stream thread commits only between polls, and with nothing
        // buffered a poll blocks for poll.ms (Streams' default 100 ms) unless input arrives: so each hop's commit
        // waited for the next burst from upstream, on top of the commit interval. At 500 articles/s in
        // `newsflow bench` (steady state, session 5): 50 ms / 100 ms p50 290 ms, p99 441 ms; 50 ms / 10 ms p50
        // 256-295, p99 355-577, at no CPU cost seen. A 20 ms interval gave p50 ~160-200 and p99 192-466, but cost
        // +0.15-0.25 broker CPU-ms per article at steady state and twice the broker CPU in a cold JVM (each commit
        // carries fewer articles), which put `.ci/run` at 891 s of its 900 s budget: it stays an option
        // (KAFKA_STREAMS_COMMIT_INTERVAL_MS=20), not the default. KAFKA_STREAMS_POLL_MS overrides poll.ms.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        // A stream thread asked to close first processes every record it has polled (up to max.poll.records; Streams'
        // default is 1000), so this bounds the work a SIGTERM waits for: 1000 articles through enrich took 24 s on a
        // loaded 2-core machine, against 30 s to close. Polls are served from the consumer's fetch buffer, so smaller
        // ones cost little. Unprefixed, so KAFKA_STREAMS_MAX_POLL_RECORDS overrides it.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        // Compactions take the cores the stream threads leave idle (LowPriorityCompaction says what they cost before).
        // KAFKA_STREAMS_ROCKSDB_CONFIG_SETTER replaces it with a user's own tuning.
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LowPriorityCompaction.class);
        props.putAll(settings.kafka().streamsClientConfig());
        return props;
    }
}
