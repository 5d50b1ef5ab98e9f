package io.newsflow.publish.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionTopicTest {

    @Test
    void isCompactedWithTheBrokersMinInsyncReplicasByDefault() {
        assertThat(SubscriptionTopic.compactedConfig(PipelineSettings.fromEnv(new Env(Map.of()))))
                .isEqualTo(Map.of("cleanup.policy", "compact", "max.message.bytes", "1048576"));
    }

    @Test
    void takesTheConfiguredMinInsyncReplicasLikeEveryOtherTopic() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_REPLICATION_FACTOR", "3",
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "2")));

        assertThat(SubscriptionTopic.compactedConfig(settings))
                .isEqualTo(Map.of("cleanup.policy", "compact", "max.message.bytes", "1048576",
                "min.insync.replicas", "2"));
    }
}
