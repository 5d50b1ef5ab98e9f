package io.newsflow.kafka.test;

import java.util.Map;

/** The broker an integration test talks to; shared by every test of one test JVM. */
public interface TestKafka {

    String bootstrapServers();

    /** {@code embedded} or {@code testcontainers}: which backend started it. */
    String backend();

    /** What a client needs besides {@code bootstrap.servers} (e.g. SASL_SSL settings); none for a PLAINTEXT broker. */
    default Map<String, Object> clientConfig() {
        return Map.of();
    }
}
