package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.Service;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.kafka.DataDirectory;
import io.newsflow.kafka.EmbeddedKafkaBroker;
import io.newsflow.publish.PublishConfig;
import io.newsflow.publish.PublishService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health endpoints of all three services against a broker of this test's own, which it stops and restarts on the
 * same data and port: ready once the Streams apps run, not ready within seconds of the broker going away while still
 * live, ready again once it is back.
 */
class HealthEndpointsIT {

    /** ClusterProbe turns not ready within its interval plus time-out (3 s); the rest is slack for a loaded machine. */
    private static final Duration BROKER_GONE_NOTICED = Duration.ofSeconds(10);
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readyFollowsTheStreamsAndTheBrokerWhileLiveStaysUp() throws Exception {
        // Given a broker of our own and the three services on it, each with its health on a free port
        Path brokerDir = Files.createDirectory(tmp.resolve("broker"));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.of(brokerDir, 0));
        int brokerPort = Integer.parseInt(broker.bootstrapServers().substring(
                broker.bootstrapServers().lastIndexOf(':') + 1));
        String run = "health-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = PipelineSettings.forRun(broker.bootstrapServers(), run, 1, tmp.resolve("state"));
        TopicAdmin.ensureTopics(settings, run + "-admin");
        IngestService ingest = new IngestService(new IngestConfig(settings, 1024, "127.0.0.1", 0, Map.of(), 600));
        EnrichService enrich = new EnrichService(new EnrichConfig(settings, "127.0.0.1", 0));
        PublishService publish = new PublishService(new PublishConfig(settings, "127.0.0.1", 0));
        Service all = Service.all(List.of(publish, enrich, ingest));
        try {
            all.start();
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("ingest", ingest.httpPort());
            ports.put("enrich", enrich.httpPort());
            ports.put("publish", publish.httpPort());

            // When their Streams apps are running, then every service is ready, naming each of its checks
            for (var service : ports.entrySet()) {
                JsonNode ready = await(service.getValue(), "/health/ready", 200, START);
                assertThat(ready.get("status").asText()).isEqualTo("UP");
                assertThat(ready.get("checks")).extracting(c -> c.get("name").asText(), c -> c.get("state").asText())
                        .containsExactlyElementsOf(expectedReadyChecks(settings, service.getKey(), "REACHABLE"));
            }

            // When the broker goes away
            broker.close();
            broker = null;

            // Then each turns not ready, naming Kafka, within a bounded poll, and stays live
            for (var service : ports.entrySet()) {
                // The first 503 may still say UNKNOWN ("the probe is stuck": its last answer aged while the describe
                // of the gone broker was timing out); it must settle on UNREACHABLE within the same bound.
                JsonNode ready = awaitKafkaState(service.getValue(), "UNREACHABLE", BROKER_GONE_NOTICED);
                assertThat(ready.get("status").asText()).isEqualTo("DOWN");
                JsonNode kafka = ready.get("checks").get(1);
                assertThat(kafka.get("name").asText()).isEqualTo("kafka");
                assertThat(kafka.get("state").asText()).isEqualTo("UNREACHABLE");
                HttpResponse<String> live = get(service.getValue(), "/health/live");
                assertThat(live.statusCode()).as(service.getKey() + " " + live.body()).isEqualTo(200);
            }

            // When it comes back on the same data and port, then every service is ready again
            broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Options(brokerDir, brokerPort, Map.of()));
            for (var service : ports.entrySet()) {
                await(service.getValue(), "/health/ready", 200, START);
                assertThat(get(service.getValue(), "/health/live").statusCode()).isEqualTo(200);
            }
        } finally {
            try {
                all.stop();
            } finally {
                if (broker != null) {
                    broker.close();
                }
                DataDirectory.delete(brokerDir);
            }
        }
    }

    private static List<org.assertj.core.groups.Tuple> expectedReadyChecks(PipelineSettings settings, String service,
                                                                          String kafka) {
        List<org.assertj.core.groups.Tuple> checks = new java.util.ArrayList<>(List.of(tuple("service", "SERVING"),
                tuple("kafka", kafka), tuple("streams:" + settings.applicationId(service), "RUNNING")));
        if (service.equals("publish")) {
            checks.add(tuple("streams:" + settings.applicationId("publish-webhooks"), "RUNNING"));
        }
        return checks;
    }

    /** Polls until the path answers {@code status}, at most {@code timeout}; returns that answer's body. */
    private JsonNode await(int port, String path, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(port, path);
            if (last.statusCode() == status) {
                return Json.mapper().readTree(last.body());
            }
            Thread.sleep(100); // poll interval, not synchronization: the loop waits for the answer
        }
        throw new AssertionError(path + " on " + port + " did not answer " + status + " within " + timeout
                + "; last: " + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    /** The readiness report once it answers 503 with its kafka check in {@code state}. */
    private JsonNode awaitKafkaState(int port, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode ready = await(port, "/health/ready", 503, timeout);
        while (!state.equals(ready.get("checks").get(1).get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100); // poll interval, not synchronization: the loop waits for the answer
            ready = await(port, "/health/ready", 503, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return ready;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
