package io.newsflow.contract.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

    private final PipelineSettings settings = PipelineSettings.forRun("k:9092", "r", 1, Path.of("state"));

    @Test
    void everyTopicTakesRecordsLargerThanNewsflowReadsSoThatTheyCanBeDeadLetteredWhole() {
        for (String topic : new String[] {"r.news.inbound", "r.news.raw", "r.news.enriched"}) {
            assertThat(TopicAdmin.configFor(settings, topic)).isEqualTo(Map.of("max.message.bytes", "33554432"));
        }
        assertThat(TopicAdmin.configFor(settings, "r.news.published"))
                .isEqualTo(Map.of("max.message.bytes", "33554432", "cleanup.policy", "compact"));
    }

    @Test
    void theDeadLetterTopicTakesTheLargestRecordOfAnyTopicWithItsHeaders() {
        assertThat(TopicAdmin.configFor(settings, "r.news.dlq"))
                .isEqualTo(Map.of("max.message.bytes", Integer.toString(32 * 1024 * 1024 + 1024 * 1024)));
    }

    private static final String MAX_BYTES = Integer.toString(KafkaSettings.MAX_TOPIC_RECORD_BYTES);

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

    @Test
    void givesNewsInboundAndNewsEnrichedOnePartitionAndEveryOtherTopicTheConfiguredCount() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_PARTITIONS", "6")));

        assertThat(TopicAdmin.partitionsFor(settings, "news.inbound")).isEqualTo(1);
        assertThat(TopicAdmin.partitionsFor(settings, "news.enriched")).isEqualTo(1);
        for (String topic : new String[] {"news.raw", "news.published", "news.dlq"}) {
            assertThat(TopicAdmin.partitionsFor(settings, topic)).as(topic).isEqualTo(6);
        }
    }
}
