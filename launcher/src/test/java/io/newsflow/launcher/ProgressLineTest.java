package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void saysTheCountOfTheTotalAndTheRate() {
        assertThat(ProgressLine.line("pipeline at saturation", 1234, 20_000, "articles out", 612.04))
                .isEqualTo("newsflow: pipeline at saturation: 1,234 of 20,000 articles out (612.0/s)");
        assertThat(ProgressLine.line("", 12, 0, "published", 0.44)).isEqualTo("newsflow: 12 published (0.4/s)");
    }

    @Test
    void printsOnlyWhenTheCountMoved() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressLine progress = new ProgressLine(err, "", "published", 5, 0, Duration.ZERO);

        progress.update(5);
        progress.update(7);
        progress.update(7);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(1)
                .allMatch(line -> line.startsWith("newsflow: 7 published ("));
    }
}
