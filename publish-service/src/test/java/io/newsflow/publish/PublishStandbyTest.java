package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class PublishStandbyTest {

    @Test
    void keepsOneStandbyReplicaOfPublishsStoresByDefault() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of()));

        assertThat(PublishService.withStandby(settings).kafka().streamsClientConfig())
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    }

    @Test
    void kafkaStreamsNumStandbyReplicasOverridesIt() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "2")));

        assertThat(PublishService.withStandby(settings).kafka().streamsClientConfig())
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "2");
    }
}
