package io.newsflow.publish.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofHours(1));

    @Test
    void ceilingDoublesFromTheBaseUpToTheCap() {
        List<Long> ceilings = new ArrayList<>();
        for (int failures = 1; failures <= 9; failures++) {
            ceilings.add(policy.ceiling(failures).toSeconds());
        }
        assertThat(ceilings).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(RetryPolicy.DEFAULT.ceiling(13)).isEqualTo(Duration.ofHours(1)); // 4096 s > 1 h
        assertThat(RetryPolicy.DEFAULT.ceiling(5_000)).isEqualTo(Duration.ofHours(1)); // no overflow
    }

    @Test
    void delaysAreFullJitterDrawnFromTheGivenRandom() {
        Random expected = new Random(42);
        Random random = new Random(42);
        for (int failures = 1; failures <= 12; failures++) {
            long ceiling = policy.ceiling(failures).toMillis();
            Duration delay = policy.delay(failures, random);
            assertThat(delay.toMillis()).isEqualTo(expected.nextLong(ceiling + 1)).isBetween(0L, ceiling);
        }
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertThat(schedule(new Random(7))).isEqualTo(schedule(new Random(7))).isNotEqualTo(schedule(new Random(8)));
    }

    @Test
    void retriesWhileTheNextAttemptFallsWithinTheMaximumAgeThenParks() {
        RetryPolicy shortLived = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(3));
        Instant created = Instant.parse("2026-11-24T10:00:00Z");
        Random random = new Random(1);
        assertThat(shortLived.nextAttempt(created, 1, created.plusMillis(500), random))
                .hasValueSatisfying(next -> assertThat(next).isBetween(created.plusMillis(500),
                        created.plusMillis(600)));
        assertThat(shortLived.nextAttempt(created, 30, created.plusSeconds(3), random)).isEmpty();
        assertThat(shortLived.nextAttempt(created, 30, created.plusMillis(2_899), new Random(1))).isPresent();
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1)))
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1)))
                .hasMessageContaining("base");
    }

    private List<Duration> schedule(Random random) {
        List<Duration> delays = new ArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            delays.add(policy.delay(failures, random));
        }
        return delays;
    }
}
