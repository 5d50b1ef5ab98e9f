package io.newsflow.ingest;

import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.kafka.test.TestKafka;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Settings for one ingest test: topics and application ids of its own on the shared test broker. */
final class IngestTestSettings {

    private IngestTestSettings() {
    }

    static PipelineSettings pipeline(TestKafka kafka, Path stateDir) {
        return pipeline(kafka, stateDir, 2);
    }

    static PipelineSettings pipeline(TestKafka kafka, Path stateDir, int partitions) {
        String run = "ingest-it-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = PipelineSettings.forRun(kafka.bootstrapServers(), run, partitions, stateDir);
        TopicAdmin.ensureTopics(settings, run + "-admin");
        return settings;
    }

    /** Ingest on a free port with a 1 KiB article limit and the given API keys and rate. */
    static IngestConfig ingest(PipelineSettings pipeline, Map<String, String> apiKeys, int ratePerMinute) {
        return new IngestConfig(pipeline, 1024, "127.0.0.1", 0, apiKeys, ratePerMinute);
    }
}
