package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow bench} from the packaged jar, end to end on a handful of articles: the output's shape and that every
 * figure is there and positive. Not a timed assertion: how fast is what the benchmark itself reports.
 */
class BenchCommandIT {

    private static final Path JAR = Path.of("target", "newsflow.jar");
    private static final List<String> FIGURES = List.of("ratio", "p99_ms", "p95_ms", "p50_ms", "pipeline_aps",
            "baseline_aps", "pipeline_mbps", "baseline_mbps", "baseline_p99_ms", "cpu_s_per_1k", "peak_heap_mb");

    @TempDir
    Path tmp;

    @Test
    void printsTheTableAndEndsWithOneMachineReadableLine() throws Exception {
        Path stdout = tmp.resolve("stdout");
        Path stderr = tmp.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "bench", "--quick", "--articles", "60", "--rate", "50",
                "--latency-seconds", "1")
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("newsflow bench did not finish within 300 s");
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();

        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("newsflow bench: exactly_once_v2, commit.interval.ms=");
        assertThat(lines).contains("                                       baseline     pipeline");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("warm-up articles +60 +60"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("articles at saturation +60 +60"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("latency at 50 articles/s +50 +50"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("dead-lettered +0 +0"));

        Map<String, String> figures = figures(lines.get(lines.size() - 1));
        assertThat(figures).containsKeys(FIGURES.toArray(String[]::new))
                .containsEntry("rate", "50").containsEntry("dead_lettered", "0").containsEntry("unexpected", "0")
                .containsKeys("pipeline_warmup_s", "jit_settled");
        for (String name : FIGURES) {
            assertThat(Double.parseDouble(figures.get(name))).as(name).isPositive();
        }
        assertThat(lines.get(lines.size() - 2)).isEqualTo("ratio pipeline/baseline at saturation: "
                + figures.get("ratio"));
    }

    private static Map<String, String> figures(String line) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String pair : line.split(" ")) {
            String[] nameAndValue = pair.split("=", 2);
            assertThat(nameAndValue).as("'" + pair + "' in " + line).hasSize(2);
            figures.put(nameAndValue[0], nameAndValue[1]);
        }
        return figures;
    }
}
