package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code NEWSFLOW_LOG_FORMAT=json} on the packaged launcher ({@code target/newsflow.jar}) in its own JVM: every log
 * line on stderr is one JSON object (the launcher's own {@code newsflow: } status lines aside), and a value other
 * than {@code json} or {@code text} is refused at start.
 */
class JsonLogsIT {

    private static final Path JAR = Path.of("target", "newsflow.jar");
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void logsOneJsonObjectPerLineWithTimestampLevelLoggerAndMessage() throws Exception {
        // Given the embedded broker started with JSON logs
        Path stderr = tmp.resolve("stderr");
        Process broker = newsflow(stderr, "json", "broker", "--broker-port", Integer.toString(freePort()),
                "--data-dir", tmp.resolve("data").toString());
        try {
            // When it has said it is ready
            long deadline = System.nanoTime() + START.toNanos();
            while (!Files.readString(stderr, StandardCharsets.UTF_8).contains("Kafka broker ready")) {
                assertThat(broker.isAlive()).as(Files.readString(stderr, StandardCharsets.UTF_8)).isTrue();
                assertThat(System.nanoTime()).as("broker ready within " + START).isLessThan(deadline);
                Thread.sleep(100); // poll interval, not synchronization: the loop waits for the line
            }
        } finally {
            broker.destroy(); // SIGTERM: the broker stops and logs as it goes
            assertThat(broker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        // Then every line is a JSON object, but the launcher's own status lines
        List<JsonNode> logged = new ArrayList<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            if (!line.startsWith("newsflow: ")) {
                JsonNode event = Json.mapper().readTree(line);
                assertThat(event.isObject()).as(line).isTrue();
                logged.add(event);
            }
        }
        JsonNode ready = logged.stream().filter(event -> event.path("message").asText()
                .startsWith("Kafka broker ready on 127.0.0.1:")).findFirst().orElseThrow();
        assertThat(ready.get("log.level").asText()).isEqualTo("INFO");
        assertThat(ready.get("log.logger").asText()).isEqualTo("io.newsflow.kafka.EmbeddedKafkaBroker");
        assertThat(ready.get("process.thread.name").asText()).isEqualTo("main");
        assertThat(Instant.parse(ready.get("@timestamp").asText())).isBefore(Instant.now());
        assertThat(logged).allSatisfy(event -> assertThat(event.has("@timestamp") && event.has("log.level")
                && event.has("message")).as(event.toString()).isTrue());
    }

    @Test
    void refusesAnUnknownLogFormatAtStart() throws Exception {
        Path stderr = tmp.resolve("stderr");
        Process start = newsflow(stderr, "yaml", "start", "enrich");
        assertThat(start.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(start.exitValue()).isEqualTo(64);
        assertThat(Files.readString(stderr, StandardCharsets.UTF_8))
                .isEqualTo("newsflow: NEWSFLOW_LOG_FORMAT=yaml is not valid: expected one of [text, json]\n");
    }

    private Process newsflow(Path stderr, String logFormat, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(tmp.resolve("stdout").toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSFLOW_") || name.startsWith("KAFKA_"));
        builder.environment().put("NEWSFLOW_LOG_FORMAT", logFormat);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
