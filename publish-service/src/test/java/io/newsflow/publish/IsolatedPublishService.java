package io.newsflow.publish;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * publish-service as it runs in production (topology, HTTP API and every route module) on topics and an application
 * id of its own, HTTP on a free loopback port: what the ITs of the live page and stream run against.
 */
final class IsolatedPublishService implements AutoCloseable {

    final Topics topics;
    final PipelineSettings settings;
    private final TopicProbe probe;
    private final PublishService service;

    IsolatedPublishService(TestKafka kafka, Path stateDir, String name, int partitions) {
        settings = settings(kafka, stateDir, name, partitions);
        topics = Topics.of(settings.topics());
        probe = new TopicProbe(kafka);
        service = new PublishService(new PublishConfig(settings, "127.0.0.1", 0));
        service.start();
    }

    /** Settings of a run of its own ({@code NAME-xxxxxxxx}) on the test broker, its topics created. */
    static PipelineSettings settings(TestKafka kafka, Path stateDir, String name, int partitions) {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = PipelineSettings.forRun(kafka.bootstrapServers(), run, partitions, stateDir);
        TopicAdmin.ensureTopics(settings, run + "-admin");
        return settings;
    }

    /** Writes the article to news.enriched, as enrich would; the topology publishes it. */
    void publish(EnrichedArticle article) {
        writeEnriched(probe, topics, article);
    }

    /** Writes the article to news.enriched, as enrich would, for a test that runs its publish instances itself. */
    static void writeEnriched(TopicProbe probe, Topics topics, EnrichedArticle article) {
        byte[] value = topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), article);
        probe.send(new ProducerRecord<>(topics.enriched().name(), article.id(), value));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.httpPort() + path);
    }

    @Override
    public void close() {
        service.close();
    }
}
