package io.newsflow.contract.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

    private static final String MAX_BYTES = Integer.toString(KafkaSettings.MAX_RECORD_BYTES);

    @Test
    void leavesMinInsyncReplicasToTheBrokerWhenUnset() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of()));

        assertThat(TopicAdmin.configFor(settings, "news.raw")).isEqualTo(Map.of("max.message.bytes", MAX_BYTES));
        assertThat(TopicAdmin.configFor(settings, "news.published"))
                .isEqualTo(Map.of("max.message.bytes", MAX_BYTES, "cleanup.policy", "compact"));
    }

    @Test
    void givesEveryTopicTheConfiguredMinInsyncReplicas() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_REPLICATION_FACTOR", "3",
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "2")));

        for (String topic : settings.topics().all()) {
            assertThat(TopicAdmin.configFor(settings, topic)).as(topic).containsEntry("min.insync.replicas", "2");
        }
        assertThat(TopicAdmin.configFor(settings, "news.published")).isEqualTo(Map.of(
                "max.message.bytes", MAX_BYTES, "cleanup.policy", "compact", "min.insync.replicas", "2"));
    }
}
