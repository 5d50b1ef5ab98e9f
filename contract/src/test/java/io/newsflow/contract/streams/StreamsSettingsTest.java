package io.newsflow.contract.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

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
    void commitsEvery50MsAndBatchesCompressedRecordsUpTo256KiB() {
        Properties props = forEnrich(Map.of());
        assertThat(props).containsEntry("commit.interval.ms", 50)
                .containsEntry("producer.compression.type", "lz4")
                .containsEntry("producer.batch.size", 262_144)
                .containsEntry("producer.max.request.size", 16 * 1024 * 1024);
    }

    @Test
    void letsTheEnvironmentOverrideAnyStreamsOrProducerSetting() {
        Properties props = forEnrich(Map.of("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "200",
                "KAFKA_STREAMS_PRODUCER_BATCH_SIZE", "16384", "NEWSFLOW_PROCESSING_GUARANTEE", "at_least_once"));
        assertThat(props).containsEntry("commit.interval.ms", "200")
                .containsEntry("producer.batch.size", "16384")
                .containsEntry("processing.guarantee", "at_least_once");
    }
}
