package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.config.Env;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import io.newsflow.publish.PublishConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-Java Kafka client feeds the pipeline: kcat (librdkafka) produces to the inbound topic, with the headers a
 * newsroom system would set, and the articles come out of the published topic as ninjs documents.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KcatInteropIT {

    private static final String TITLE = "City council approves new cycle lanes along the river";
    private static final String BODY = "The city council voted 31 to 12 on Tuesday to build protected cycle lanes "
            + "along both banks of the river, ending a two-year debate over road space in the centre. "
            + "Work on the first four kilometres is due to start in March and should be finished before the summer. "
            + "Shop owners on the eastern bank had asked for delivery bays, and the plan now includes twelve of them. "
            + "The transport department expects the number of cyclists on the route to double within three years.";

    @TempDir
    Path tmp;

    @Test
    void articlesProducedByKcatArePublished(TestKafka kafka) throws Exception {
        requireKcat();
        IsolatedRun run = IsolatedRun.on(kafka, "kcat", tmp.resolve("streams"));
        TopicNames topics = run.topics();
        Env env = run.env();
        Path envelope = Files.writeString(tmp.resolve("envelope.json"), Json.mapper().writeValueAsString(Map.of(
                "title", TITLE, "body", BODY, "url", "https://news.example.com/city/cycle-lanes", "language", "en")));
        String seedId = SeedArticle.FILE.getFileName().toString().replaceFirst("\\.txt$", "");

        // Pipeline's constructor creates the topics, so kcat produces to topics that exist with their partitions.
        try (Pipeline pipeline = new Pipeline(IngestConfig.fromEnv(env), EnrichConfig.fromEnv(env),
                PublishConfig.fromEnv(env))) {
            pipeline.start();

            // When kcat sends the seed as text, keyed by its id (a file argument is one message, not one per line)
            kcat("-b", kafka.bootstrapServers(), "-P", "-t", topics.inbound(), "-k", seedId,
                    "-H", "content-type=text/plain", SeedArticle.FILE.toString());
            // And a JSON envelope without a key: ingest derives its id from where it landed
            kcat("-b", kafka.bootstrapServers(), "-P", "-t", topics.inbound(),
                    "-H", "content-type=application/json", envelope.toString());

            // Then both come out published: the seed as the drop folder publishes it, the envelope under its title
            Map<String, JsonNode> published = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : new TopicProbe(kafka)
                    .read(topics.published(), 2, Duration.ofSeconds(60), Duration.ofSeconds(1))) {
                published.put(record.key(), Json.mapper().readTree(record.value()));
            }
            // (the seed's uri comes from the key kcat sent; the envelope's from where it landed: the other one)
            assertThat(published).hasSize(2).containsKey(SeedArticle.URI);
            JsonNode seed = published.remove(SeedArticle.URI);
            assertThat(seed.at("/headlines/0/value").asText()).isEqualTo(SeedArticle.HEADLINE);
            SeedArticle.assertIsSeedDocument(seed.toString()); // the rest: same body, counts and ids as from a folder
            JsonNode article = published.values().iterator().next();
            assertThat(article.at("/headlines/0/value").asText()).isEqualTo(TITLE);
            assertThat(article.at("/bodies/0/value").asText()).startsWith("The city council voted");
            assertThat(article.get("language").asText()).isEqualTo("en");
        }
    }

    /** Fails rather than skips: CI installs kcat, so a missing binary is a broken machine, not an optional test. */
    private static void requireKcat() throws InterruptedException {
        try {
            new ProcessBuilder("kcat", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            fail("kcat is not installed: .ci/run installs it with apt-get install -y kcat");
        }
    }

    /** Runs kcat to completion; it exits non-zero when a message could not be delivered. */
    private void kcat(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kcat"));
        command.addAll(List.of(args));
        // Output to a file, not a pipe: a pipe nobody reads could block kcat, and the file is there for the message.
        Path log = tmp.resolve("kcat.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("kcat did not finish within 60 s: " + String.join(" ", command) + "\n" + Files.readString(log));
        }
        assertThat(process.exitValue()).as("exit status of %s; output:%n%s", String.join(" ", command),
                Files.readString(log)).isZero();
    }
}
