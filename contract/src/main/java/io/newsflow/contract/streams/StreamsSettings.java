package io.newsflow.contract.streams;

import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** The Kafka Streams configuration every newsflow Streams service starts from. */
public final class StreamsSettings {

    static final int COMMIT_INTERVAL_MS = 50;
    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private StreamsSettings() {
    }

    /**
     * Streams properties for one service: exactly-once by default, and records that cannot be read or processed go
     * to the dead-letter topic through Kafka Streams' own handlers (which then continue with the next record).
     */
    public static Properties forService(PipelineSettings settings, String service) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId(service));
        props.put(StreamsConfig.CLIENT_ID_CONFIG, settings.applicationId(service));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG,
                settings.replicationFactor().map(Short::intValue).orElse(-1));
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.topics().dlq());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        // At saturation a commit carries hundreds of records per partition; the producer's 16 KB default batch holds
        // a handful of 2-8 KB articles, so each commit sent many small requests. 256 KiB cut the broker's CPU per
        // article by about a third in `newsflow bench` (docs/performance.md); at low rates batches stay small anyway.
        props.put(StreamsConfig.producerPrefix("batch.size"), PRODUCER_BATCH_BYTES);
        // Records up to KafkaSettings.MAX_RECORD_BYTES on every hop, internal repartition topics included.
        props.put(StreamsConfig.producerPrefix("max.request.size"), KafkaSettings.MAX_RECORD_BYTES);
        props.put(StreamsConfig.topicPrefix("max.message.bytes"), Integer.toString(KafkaSettings.MAX_RECORD_BYTES));
        // An article crosses four exactly-once hops (inbound, by-source, raw, enriched), each visible downstream only
        // when its transaction commits: Streams' exactly-once default of 100 ms per hop put a POST ~0.7-1.1 s from
        // its ninjs; 50 ms keeps it under a second. KAFKA_STREAMS_COMMIT_INTERVAL_MS overrides it.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.putAll(settings.kafka().streamsClientConfig());
        return props;
    }
}
