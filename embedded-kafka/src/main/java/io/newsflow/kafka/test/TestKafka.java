package io.newsflow.kafka.test;

/** The broker an integration test talks to; shared by every test of one test JVM. */
public interface TestKafka {

    String bootstrapServers();

    /** {@code embedded} or {@code testcontainers}: which backend started it. */
    String backend();
}
