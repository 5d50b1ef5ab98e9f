package io.newsflow.contract.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

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
}
