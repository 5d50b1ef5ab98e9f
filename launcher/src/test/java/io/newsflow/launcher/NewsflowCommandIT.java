package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher ({@code target/newsflow.jar}, what {@code ./newsflow} runs) in its own JVM, with its own
 * embedded broker: the quick start as a user runs it.
 */
class NewsflowCommandIT {

    private static final Path JAR = Path.of("target", "newsflow.jar");

    @TempDir
    Path tmp;

    @Test
    void runOncePrintsTheSeedsDocumentAndEnrichPrintsTheSame() throws Exception {
        Output run = newsflow("run", "--once", "--broker-port", Integer.toString(freePort()),
                "--data-dir", tmp.resolve("data").toString(), SeedArticle.SEEDS.toString());
        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode published = SeedArticle.assertIsSeedDocument(run.lines().get(0));

        Output enrich = newsflow("enrich", SeedArticle.FILE.toString());
        assertThat(enrich.status()).as(enrich.stderr()).isZero();
        assertThat(enrich.lines()).hasSize(1);
        assertThat(SeedArticle.withoutTimes(Json.mapper().readTree(enrich.lines().get(0))))
                .isEqualTo(SeedArticle.withoutTimes(published));
        assertThat(Files.exists(SeedArticle.FILE)).isTrue();
    }

    @Test
    void explainsEachCommandWithHelp() throws Exception {
        for (String command : List.of("run", "enrich", "broker", "bench")) {
            Output help = newsflow(command, "--help");
            assertThat(help.status()).isZero();
            assertThat(help.stdout()).startsWith("Usage: newsflow " + command);
        }
        Output unknown = newsflow("publish-everything");
        assertThat(unknown.status()).isEqualTo(64);
        assertThat(unknown.stderr()).startsWith("newsflow: unknown command 'publish-everything'");
    }

    @Test
    void refusesAMistypedSettingBeforeStartingAnything() throws Exception {
        Output run = newsflow(Map.of("NEWSFLOW_INGEST_MAX_BYTE", "2048"), "run", "--once",
                "--data-dir", tmp.resolve("data").toString(), SeedArticle.SEEDS.toString());
        assertThat(run.status()).isEqualTo(64);
        assertThat(run.stderr()).isEqualTo("newsflow: NEWSFLOW_INGEST_MAX_BYTE is not a setting of newsflow; did you "
                + "mean NEWSFLOW_INGEST_MAX_BYTES? (newsflow's settings: README.md, \"Configuration\")\n");
        assertThat(run.stdout()).isEmpty();
        assertThat(tmp.resolve("data")).doesNotExist();

        Output start = newsflow(Map.of("KAFKA_PRODUCER_LINGER_MS", "soon"), "start", "publish");
        assertThat(start.status()).isEqualTo(64);
        assertThat(start.stderr()).isEqualTo("newsflow: KAFKA_PRODUCER_LINGER_MS is not a valid linger.ms: Invalid "
                + "value soon for configuration linger.ms: Not a number of type LONG (newsflow's settings: "
                + "README.md, \"Configuration\")\n");
    }

    private Output newsflow(String... args) throws IOException, InterruptedException {
        return newsflow(Map.of(), args);
    }

    private Output newsflow(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path stdout = tmp.resolve("stdout-" + System.nanoTime());
        Path stderr = tmp.resolve("stderr-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().put("NEWSFLOW_PUBLISH_HTTP_PORT", "0");
        builder.environment().put("NEWSFLOW_INGEST_HTTP_PORT", "0");
        builder.environment().put("NEWSFLOW_ENRICH_HTTP_PORT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("newsflow " + String.join(" ", args) + " did not finish within 180 s");
        }
        return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Output(int status, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }
}
