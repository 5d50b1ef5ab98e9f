package io.newsflow.contract.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private final PipelineSettings settings = PipelineSettings.forRun("k:9092", "r", 1, Path.of("state"));

    @Test
    void sendsUnreadableAndFailedRecordsToTheDeadLetterTopicThroughNewsflowsHandler() {
        Properties props = StreamsSettings.forService(settings, "ingest", Set.of("r.news.raw", "r.news.enriched"));

        assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("r.news.dlq");
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterHandler.class.getName());
        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterHandler.class.getName());
        assertThat(props.get(DeadLetterHandler.SERVICE_CONFIG)).isEqualTo("ingest");
        assertThat(props.get(DeadLetterHandler.OBSERVED_TOPICS_CONFIG)).isEqualTo("r.news.enriched,r.news.raw");
        assertThat(StreamsSettings.forService(settings, "enrich").get(DeadLetterHandler.OBSERVED_TOPICS_CONFIG))
                .isEqualTo("");
    }

    @Test
    void givesTheHandlerTheTopicsTheAppOnlyObserves() {
        Properties props = StreamsSettings.forService(settings, "ingest", Set.of("r.news.raw"));
        DeadLetterHandler handler = new DeadLetterHandler();
        @SuppressWarnings("unchecked")
        Map<String, ?> configs = (Map<String, ?>) (Map<?, ?>) props;
        handler.configure(configs);

        assertThat(handler.whySkip(TestErrorContext.of("r.news.raw")))
                .hasValue("this app only observes r.news.raw; the service that owns it dead-letters it");
        assertThat(handler.whySkip(TestErrorContext.of("r.news.dlq")))
                .hasValue("it is on the dead-letter topic itself: its dead letter would come back here");
        assertThat(handler.whySkip(TestErrorContext.of("r.news.inbound"))).isEmpty();
    }

    @Test
    void sendsARecordAsLargeAsATopicTakesPlusItsDeadLetterHeaders() {
        Properties props = StreamsSettings.forService(settings, "enrich");

        assertThat(props.get(StreamsConfig.producerPrefix("max.request.size")))
                .isEqualTo(KafkaSettings.MAX_DEAD_LETTER_BYTES);
        assertThat((long) props.get(StreamsConfig.producerPrefix("buffer.memory")))
                .isGreaterThanOrEqualTo(KafkaSettings.MAX_DEAD_LETTER_BYTES);
        assertThat(props.get(StreamsConfig.topicPrefix("max.message.bytes")))
                .isEqualTo(Integer.toString(KafkaSettings.MAX_DEAD_LETTER_BYTES));
        assertThat(KafkaSettings.MAX_DEAD_LETTER_BYTES).isGreaterThan(KafkaSettings.MAX_TOPIC_RECORD_BYTES);
        assertThat(KafkaSettings.MAX_TOPIC_RECORD_BYTES).isGreaterThan(KafkaSettings.MAX_RECORD_BYTES);
    }

    @Test
    void pollsAtMost100RecordsSoThatAStopWaitsForLittleWork() {
        Properties props = StreamsSettings.forService(PipelineSettings.fromEnv(new Env(Map.of())), "enrich");

        assertThat(props.get("max.poll.records")).isEqualTo(100);
        assertThat(new StreamsConfig(props).getMainConsumerConfigs("g", "c", 0).get("max.poll.records"))
                .isEqualTo(100);
    }

    @Test
    void theEnvironmentOverridesThePollSize() {
        Properties props = StreamsSettings.forService(PipelineSettings.fromEnv(new Env(Map.of(
                "KAFKA_STREAMS_MAX_POLL_RECORDS", "500"))), "enrich");

        assertThat(new StreamsConfig(props).getMainConsumerConfigs("g", "c", 0).get("max.poll.records"))
                .isEqualTo("500");
    }

    @Test
    void internalTopicsFollowTheBrokerDefaultsWhenReplicationIsUnset() {
        Properties props = StreamsSettings.forService(PipelineSettings.fromEnv(new Env(Map.of())), "enrich");

        assertThat(props.get("replication.factor")).isEqualTo(-1);
        assertThat(props).doesNotContainKey("topic.min.insync.replicas");
    }

    @Test
    void internalTopicsGetTheConfiguredReplicationAndMinInsyncReplicas() {
        Properties props = StreamsSettings.forService(PipelineSettings.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_REPLICATION_FACTOR", "3",
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "2"))), "enrich");

        assertThat(props.get("replication.factor")).isEqualTo(3);
        assertThat(props.get("topic.min.insync.replicas")).isEqualTo("2");
    }

    private static Properties forEnrich(Map<String, String> env) {
        return StreamsSettings.forService(PipelineSettings.fromEnv(new Env(env)).withStateDir(Path.of("/tmp/state")),
                "enrich");
    }

    @Test
    void runsEachServiceExactlyOnceWithItsOwnApplicationId() {
        Properties props = forEnrich(Map.of());
        assertThat(props).containsEntry("application.id", "newsflow-enrich")
                .containsEntry("client.id", "newsflow-enrich")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("state.dir", "/tmp/state");
    }

    @Test
    void commitsEvery50MsPollsForAt10MsAndBatchesCompressedRecordsUpTo256KiB() {
        Properties props = forEnrich(Map.of());
        assertThat(props).containsEntry("commit.interval.ms", 50)
                .containsEntry("poll.ms", 10)
                .containsEntry("producer.compression.type", "lz4")
                .containsEntry("producer.batch.size", 262_144)
                .containsEntry("producer.max.request.size", KafkaSettings.MAX_DEAD_LETTER_BYTES);
    }

    @Test
    void letsTheEnvironmentOverrideAnyStreamsOrProducerSetting() {
        Properties props = forEnrich(Map.of("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "200", "KAFKA_STREAMS_POLL_MS", "100",
                "KAFKA_STREAMS_PRODUCER_BATCH_SIZE", "16384", "NEWSFLOW_PROCESSING_GUARANTEE", "at_least_once"));
        assertThat(props).containsEntry("commit.interval.ms", "200")
                .containsEntry("poll.ms", "100")
                .containsEntry("producer.batch.size", "16384")
                .containsEntry("processing.guarantee", "at_least_once");
    }

    @Test
    void runsEveryStoresCompactionsAtLowPriorityUnlessTheEnvironmentSaysOtherwise() {
        assertThat(forEnrich(Map.of())).containsEntry("rocksdb.config.setter", LowPriorityCompaction.class);
        assertThat(forEnrich(Map.of("KAFKA_STREAMS_ROCKSDB_CONFIG_SETTER", "com.example.Tuning")))
                .containsEntry("rocksdb.config.setter", "com.example.Tuning");
    }

    @Test
    void keepsOneStandbyReplicaForTheServicesThatAnswerFromTheirStoresUnlessTheEnvironmentSaysOtherwise() {
        assertThat(StreamsSettings.withOneStandby(PipelineSettings.fromEnv(new Env(Map.of()))).kafka()
                .streamsClientConfig()).containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        assertThat(StreamsSettings.withOneStandby(PipelineSettings.fromEnv(new Env(Map.of(
                "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "2")))).kafka().streamsClientConfig())
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "2");
    }
}
