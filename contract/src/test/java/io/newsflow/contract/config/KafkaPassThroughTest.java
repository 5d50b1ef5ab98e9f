package io.newsflow.contract.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaPassThroughTest {

    @Test
    void namesTheKafkaSettingOfAVariable() {
        assertThat(KafkaPassThrough.of("KAFKA_PRODUCER_LINGER_MS")).contains(KafkaPassThrough.PRODUCER);
        assertThat(KafkaPassThrough.PRODUCER.configName("KAFKA_PRODUCER_LINGER_MS")).isEqualTo("linger.ms");
        assertThat(KafkaPassThrough.STREAMS.variable("producer.linger.ms")).isEqualTo("KAFKA_STREAMS_PRODUCER_LINGER_MS");
        assertThat(KafkaPassThrough.of("KAFKA_PRODUCER_")).isEmpty();
        assertThat(KafkaPassThrough.of("KAFKA_BOOTSTRAP_SERVERS")).isEmpty();
    }

    @Test
    void takesWhatEachKindOfClientTakes() {
        assertThat(problem("KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL")).isEmpty();
        assertThat(problem("KAFKA_CLIENT_SASL_JAAS_CONFIG", "x required;")).isEmpty();
        assertThat(problem("KAFKA_PRODUCER_LINGER_MS", "5")).isEmpty();
        assertThat(problem("KAFKA_CONSUMER_MAX_POLL_RECORDS", "100")).isEmpty();
        assertThat(problem("KAFKA_ADMIN_REQUEST_TIMEOUT_MS", "60000")).isEmpty();
        assertThat(problem("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "100")).isEmpty();
        // Streams hands a client's setting on to that client, with or without the client's prefix.
        assertThat(problem("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "6000")).isEmpty();
        assertThat(problem("KAFKA_STREAMS_PRODUCER_LINGER_MS", "5")).isEmpty();
        assertThat(problem("KAFKA_STREAMS_MAIN_CONSUMER_MAX_POLL_RECORDS", "100")).isEmpty();
        assertThat(problem("KAFKA_STREAMS_TOPIC_MIN_INSYNC_REPLICAS", "2")).isEmpty();
        assertThat(problem("KAFKA_STREAMS_CLIENT_TAG_ZONE", "eu-1")).isEmpty();
    }

    @Test
    void refusesASettingTheClientDoesNotHaveAndSuggestsTheClosest() {
        assertThat(problem("KAFKA_PRODUCER_LINGER_M", "5")).contains("KAFKA_PRODUCER_LINGER_M: linger.m is not a "
                + "producer setting; did you mean KAFKA_PRODUCER_LINGER_MS (linger.ms)?");
        assertThat(problem("KAFKA_PRODUCER_MAX_POLL_RECORDS", "5")).contains("KAFKA_PRODUCER_MAX_POLL_RECORDS: "
                + "max.poll.records is not a producer setting");
        assertThat(problem("KAFKA_STREAMS_PRODUCER_MAX_POLL_RECORDS", "5")).contains(
                "KAFKA_STREAMS_PRODUCER_MAX_POLL_RECORDS: producer.max.poll.records is not a Kafka Streams setting");
        assertThat(problem("KAFKA_STREAMS_TOPIC_RETENTION", "5")).contains(
                "KAFKA_STREAMS_TOPIC_RETENTION: topic.retention is not a Kafka Streams setting");
    }

    @Test
    void refusesAClientWideSettingThatOnlySomeClientsHaveNamingTheirPrefix() {
        assertThat(problem("KAFKA_CLIENT_LINGER_MS", "5")).contains("KAFKA_CLIENT_LINGER_MS: linger.ms is not a "
                + "setting of every Kafka client (producer, consumer, admin) (use KAFKA_PRODUCER_LINGER_MS)");
        assertThat(problem("KAFKA_CLIENT_CLIENT_RACK", "eu-1")).contains("KAFKA_CLIENT_CLIENT_RACK: client.rack is "
                + "not a setting of every Kafka client (producer, consumer, admin) (use KAFKA_CONSUMER_CLIENT_RACK)");
    }

    @Test
    void refusesAValueKafkaWouldRefuse() {
        assertThat(problem("KAFKA_PRODUCER_LINGER_MS", "soon")).contains("KAFKA_PRODUCER_LINGER_MS is not a valid "
                + "linger.ms: Invalid value soon for configuration linger.ms: Not a number of type LONG");
        assertThat(problem("KAFKA_STREAMS_PROCESSING_GUARANTEE", "exactly_once")).contains(
                "KAFKA_STREAMS_PROCESSING_GUARANTEE is not a valid processing.guarantee: Invalid value exactly_once "
                        + "for configuration processing.guarantee: String must be one of: at_least_once, "
                        + "exactly_once_v2");
        String protocol = problem("KAFKA_CLIENT_SECURITY_PROTOCOL", "TLS").orElseThrow();
        String expected = "KAFKA_CLIENT_SECURITY_PROTOCOL is not a valid security.protocol: Invalid value TLS for "
                + "configuration security.protocol: String must be one of (case insensitive): ";
        assertThat(protocol).startsWith(expected);
        // Kafka lists the protocols from a set, in no fixed order.
        assertThat(protocol.substring(expected.length()).split(", "))
                .containsExactlyInAnyOrder("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    }

    private static Optional<String> problem(String variable, String value) {
        return KafkaPassThrough.of(variable).orElseThrow().problem(variable, value);
    }
}
