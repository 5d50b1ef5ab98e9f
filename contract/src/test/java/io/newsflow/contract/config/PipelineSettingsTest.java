package io.newsflow.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.TopicNames;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {

    @Test
    void hasDocumentedDefaults() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of()));
        assertThat(settings.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.topics()).isEqualTo(TopicNames.DEFAULTS);
        assertThat(settings.topics().all())
                .containsExactly("news.inbound", "news.raw", "news.enriched", "news.published", "news.dlq");
        assertThat(settings.partitions()).isEqualTo(3);
        assertThat(settings.replicationFactor()).isEmpty();
        assertThat(settings.minInsyncReplicas()).isEmpty();
        assertThat(settings.replicationConfigs()).isEmpty();
        assertThat(settings.applicationId("enrich")).isEqualTo("newsflow-enrich");
        assertThat(settings.stateDir()).isEqualTo(Path.of("data/streams"));
        assertThat(settings.processingGuarantee()).isEqualTo("exactly_once_v2");
    }

    @Test
    void readsEveryVariable() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "NEWSFLOW_TOPIC_RAW", "acme.raw",
                "NEWSFLOW_TOPIC_PARTITIONS", "12",
                "NEWSFLOW_TOPIC_REPLICATION_FACTOR", "3",
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "2",
                "NEWSFLOW_APPLICATION_ID_PREFIX", "acme",
                "NEWSFLOW_STATE_DIR", "/var/lib/newsflow",
                "NEWSFLOW_PROCESSING_GUARANTEE", "at_least_once")));
        assertThat(settings.kafka().bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(settings.topics().raw()).isEqualTo("acme.raw");
        assertThat(settings.topics().inbound()).isEqualTo("news.inbound");
        assertThat(settings.partitions()).isEqualTo(12);
        assertThat(settings.replicationFactor()).isEqualTo(Optional.of((short) 3));
        assertThat(settings.minInsyncReplicas()).isEqualTo(Optional.of(2));
        assertThat(settings.replicationConfigs()).isEqualTo(Map.of("min.insync.replicas", "2"));
        assertThat(settings.applicationId("publish")).isEqualTo("acme-publish");
        assertThat(settings.stateDir()).isEqualTo(Path.of("/var/lib/newsflow"));
        assertThat(settings.processingGuarantee()).isEqualTo("at_least_once");
    }

    @Test
    void failsOnInvalidValuesNamingTheVariable() {
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_PARTITIONS", "many"))))
                .hasMessageContaining("NEWSFLOW_TOPIC_PARTITIONS=many");
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_PARTITIONS", "0"))))
                .hasMessageContaining("NEWSFLOW_TOPIC_PARTITIONS=0 is out of range");
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_PROCESSING_GUARANTEE", "exactly_once"))))
                .hasMessageContaining("NEWSFLOW_PROCESSING_GUARANTEE=exactly_once is not valid");
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_LOG_FORMAT", "JSON"))))
                .hasMessage("NEWSFLOW_LOG_FORMAT=JSON is not valid: expected one of [text, json]");
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_DLQ", "bad name"))))
                .hasMessage("NEWSFLOW_TOPIC_DLQ=bad name is not a valid topic name: use 1-249 characters of a-z, "
                        + "A-Z, 0-9, '.', '_' or '-'");
    }

    @Test
    void minInsyncReplicasMayEqualTheReplicationFactorOrStandAlone() {
        assertThat(PipelineSettings.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_REPLICATION_FACTOR", "3",
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "3"))).minInsyncReplicas()).isEqualTo(Optional.of(3));
        // Without a replication factor the broker's default applies, which newsflow cannot see: the broker judges.
        PipelineSettings alone = PipelineSettings.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "2")));
        assertThat(alone.replicationFactor()).isEmpty();
        assertThat(alone.minInsyncReplicas()).isEqualTo(Optional.of(2));
    }

    @Test
    void refusesMinInsyncReplicasOutOfRangeNamingTheVariable() {
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "0"))))
                .hasMessage("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS=0 is out of range: expected 1..32767");
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "two"))))
                .hasMessage("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS=two is not a whole number");
        assertThatThrownBy(() -> PipelineSettings.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_REPLICATION_FACTOR", "2",
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "3"))))
                .hasMessage("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS=3 is more than NEWSFLOW_TOPIC_REPLICATION_FACTOR=2:"
                        + " no write could ever be acknowledged; expected 1..2");
    }

    @Test
    void passesPrefixedKafkaSettingsThroughToTheRightClients() {
        KafkaSettings kafka = KafkaSettings.fromEnv(new Env(Map.of(
                "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_PRODUCER_LINGER_MS", "5",
                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "100")));
        assertThat(kafka.producerConfig("p")).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "5").containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true).doesNotContainKey("max.poll.records");
        assertThat(kafka.consumerConfig("c", "g")).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("max.poll.records", "100").containsEntry("isolation.level", "read_committed")
                .containsEntry("group.id", "g").doesNotContainKey("linger.ms");
        assertThat(kafka.adminConfig("a")).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void givesEveryClientTheSaslSslLoginExactlyAsExported() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"newsflow\" "
                + "password=\"s3cret-with_underscore\";";
        KafkaSettings kafka = KafkaSettings.fromEnv(new Env(Map.of(
                "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_CLIENT_SASL_JAAS_CONFIG", jaas,
                "KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION", "/etc/newsflow/truststore.p12",
                "KAFKA_CLIENT_SSL_TRUSTSTORE_PASSWORD", "changeit",
                "KAFKA_CLIENT_SSL_TRUSTSTORE_TYPE", "PKCS12")));
        Map<String, Object> login = Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas,
                "ssl.truststore.location", "/etc/newsflow/truststore.p12",
                "ssl.truststore.password", "changeit",
                "ssl.truststore.type", "PKCS12");
        assertThat(kafka.producerConfig("p")).containsAllEntriesOf(login);
        assertThat(kafka.consumerConfig("c", null)).containsAllEntriesOf(login);
        assertThat(kafka.adminConfig("a")).containsAllEntriesOf(login);
        assertThat(kafka.streamsClientConfig()).containsAllEntriesOf(login);
    }
}
