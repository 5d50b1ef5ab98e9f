package io.newsflow.launcher;

import io.newsflow.contract.TopicNames;
import io.newsflow.contract.config.Env;
import io.newsflow.kafka.test.TestKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The environment of one test's pipeline on the shared test broker: topics and application ids of its own (so nothing
 * another test sent is read here), its own state directory, and free HTTP ports (never clashing with a running
 * newsflow or another test).
 */
record IsolatedRun(TopicNames topics, Map<String, String> settings) {

    static IsolatedRun on(TestKafka kafka, String name, Path stateDir) {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        TopicNames topics = TopicNames.prefixed(run + ".");
        Map<String, String> settings = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "NEWSFLOW_APPLICATION_ID_PREFIX", run,
                "NEWSFLOW_STATE_DIR", stateDir.toString(),
                "NEWSFLOW_PUBLISH_HTTP_PORT", "0",
                "NEWSFLOW_INGEST_HTTP_PORT", "0",
                "NEWSFLOW_ENRICH_HTTP_PORT", "0"));
        settings.putAll(topics.asEnv());
        return new IsolatedRun(topics, settings);
    }

    Env env() {
        return new Env(settings);
    }
}
