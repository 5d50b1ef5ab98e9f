package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmupTest {

    private static final Duration LIMIT = Duration.ofSeconds(240);

    @Test
    void goesOnWhileTheCompilerIsBusyAndTimeIsLeft() {
        assertThat(Warmup.anotherRound(0.9, Duration.ofSeconds(10), LIMIT)).isTrue();
        assertThat(Warmup.anotherRound(0.3, Duration.ofSeconds(239), LIMIT)).isTrue();
    }

    @Test
    void stopsOnceTheCompilerSettledOrTheTimeIsUp() {
        assertThat(Warmup.anotherRound(0.29, Duration.ofSeconds(10), LIMIT)).isFalse();
        assertThat(Warmup.anotherRound(0.9, Duration.ofSeconds(240), LIMIT)).isFalse();
    }

    @Test
    void aZeroLimitMeansOneRound() {
        assertThat(Warmup.anotherRound(0.9, Duration.ofMillis(1), Duration.ZERO)).isFalse();
    }

    @Test
    void isSettledBelowThirtyPercentOfOneCore() {
        assertThat(new Warmup(5_000, 3.0, 0.29).settled()).isTrue();
        assertThat(new Warmup(5_000, 3.0, 0.30).settled()).isFalse();
    }
}
