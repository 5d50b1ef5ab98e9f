package io.newsflow.contract.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

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
}
