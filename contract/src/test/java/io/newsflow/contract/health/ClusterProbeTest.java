package io.newsflow.contract.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class ClusterProbeTest {

    private final TestClock clock = new TestClock();
    private final AtomicReference<String> cluster = new AtomicReference<>("cluster c1, 1 broker");
    private final AtomicReference<Duration> askedWithin = new AtomicReference<>();
    private final ClusterProbe probe = new ClusterProbe(timeout -> {
        askedWithin.set(timeout);
        String answer = cluster.get();
        if (answer == null) {
            throw new TimeoutException("Timed out waiting for a node assignment. Call: describeCluster");
        }
        return answer;
    }, () -> { }, clock);

    @Test
    void isNotReadyBeforeTheFirstAnswer() {
        assertThat(probe.readiness()).isEqualTo(HealthCheck.down("kafka", "UNKNOWN", "not asked yet"));
        assertThat(probe.liveness()).isEmpty();
    }

    @Test
    void isReadyWhileTheClusterAnswersAndNotWhenItStops() {
        probe.probe();
        assertThat(askedWithin.get()).isEqualTo(Duration.ofSeconds(2));
        assertThat(probe.readiness()).isEqualTo(HealthCheck.up("kafka", "REACHABLE", "cluster c1, 1 broker"));

        cluster.set(null);
        clock.advance(Duration.ofSeconds(3));
        probe.probe();
        assertThat(probe.readiness()).isEqualTo(HealthCheck.down("kafka", "UNREACHABLE", "no answer within 2000 ms: "
                + "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. "
                + "Call: describeCluster"));
        assertThat(probe.liveness()).isEmpty();

        cluster.set("cluster c1, 1 broker");
        probe.probe();
        assertThat(probe.readiness().up()).isTrue();
    }

    @Test
    void anAnswerOlderThanIntervalPlusTimeoutNoLongerCounts() {
        probe.probe();
        clock.advance(Duration.ofSeconds(3));
        assertThat(probe.readiness().up()).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(probe.readiness()).isEqualTo(HealthCheck.down("kafka", "UNKNOWN",
                "last answer 3001 ms ago; the probe is stuck"));
    }
}
