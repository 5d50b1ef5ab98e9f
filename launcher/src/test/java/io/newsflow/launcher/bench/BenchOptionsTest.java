package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void runsTheFullBenchmarkAt500ArticlesPerSecondByDefault() {
        assertThat(BenchOptions.parse(List.of())).isEqualTo(new BenchOptions(20_000, 5_000, 240, 500, 30, 0));
        assertThat(BenchOptions.parse(List.of()).latencyArticles()).isEqualTo(15_000);
    }

    @Test
    void quickTakesFewerArticlesAndAShorterLatencyRun() {
        assertThat(BenchOptions.parse(List.of("--quick"))).isEqualTo(new BenchOptions(2_000, 300, 0, 500, 3, 0));
    }

    @Test
    void refinesQuickWhateverTheOrder() {
        assertThat(BenchOptions.parse(List.of("--rate", "200", "--quick", "--broker-port", "19093")))
                .isEqualTo(new BenchOptions(2_000, 300, 0, 200, 3, 19093));
        assertThat(BenchOptions.parse(List.of("--quick", "--articles", "40", "--latency-seconds", "2")))
                .isEqualTo(new BenchOptions(40, 40, 0, 500, 2, 0));
        assertThat(BenchOptions.parse(List.of("--warmup-seconds", "60")).warmupLimitSeconds()).isEqualTo(60);
    }

    @Test
    void explainsWhatIsWrongWithABadCommandLine() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"))).hasMessageStartingWith("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "0")))
                .hasMessage("--rate takes a whole number from 1 to 100000, got '0'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate"))).hasMessage("--rate needs a value");
    }
}
