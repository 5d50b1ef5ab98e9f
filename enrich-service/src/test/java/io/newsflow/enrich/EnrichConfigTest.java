package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void servesHealthOn8082OfEveryInterfaceByDefault() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of()));

        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.pipeline().applicationId(EnrichApp.SERVICE)).isEqualTo("newsflow-enrich");
    }

    @Test
    void takesHostAndPortFromTheEnvironment() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_HTTP_HOST", "127.0.0.1",
                "NEWSFLOW_ENRICH_HTTP_PORT", "0")));

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isZero();
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_HTTP_PORT", "65536"))))
                .hasMessage("NEWSFLOW_ENRICH_HTTP_PORT=65536 is out of range: expected 0..65535");
    }

    @Test
    void enrichRunsAStreamThreadPerCoreUpToThePartitionCount() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_PARTITIONS", "3")));

        assertThat(EnrichApp.withStreamThreads(settings, 2).kafka().streamsClientConfig())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        assertThat(EnrichApp.withStreamThreads(settings, 16).kafka().streamsClientConfig())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3);
        assertThat(EnrichApp.withStreamThreads(settings, 1).kafka().streamsClientConfig())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    }

    @Test
    void kafkaStreamsNumStreamThreadsOverridesEnrichsDefault() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of("KAFKA_STREAMS_NUM_STREAM_THREADS", "1")));

        assertThat(EnrichApp.withStreamThreads(settings, 2).kafka().streamsClientConfig())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    }
}
