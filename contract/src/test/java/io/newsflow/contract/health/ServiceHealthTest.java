package io.newsflow.contract.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceHealthTest {

    private static HealthIndicator indicator(Optional<HealthCheck> live, HealthCheck ready) {
        return new HealthIndicator() {
            @Override
            public Optional<HealthCheck> liveness() {
                return live;
            }

            @Override
            public HealthCheck readiness() {
                return ready;
            }
        };
    }

    private static final HealthCheck RUNNING = HealthCheck.up("streams:a", "RUNNING", "1 stream thread alive");
    private static final HealthCheck UNREACHABLE = HealthCheck.down("kafka", "UNREACHABLE", "no answer");

    @Test
    void isLiveButNotReadyWhileKafkaIsUnreachable() {
        ServiceHealth health = ServiceHealth.of(indicator(Optional.empty(), UNREACHABLE),
                indicator(Optional.of(RUNNING), RUNNING));

        assertThat(health.liveness()).isEqualTo(new HealthReport(true, List.of(
                HealthCheck.up("service", "SERVING", null), RUNNING)));
        assertThat(health.readiness()).isEqualTo(new HealthReport(false, List.of(
                HealthCheck.up("service", "SERVING", null), UNREACHABLE, RUNNING)));
    }

    @Test
    void isNotReadyOnceStoppingAndStaysLive() {
        ServiceHealth health = ServiceHealth.of(indicator(Optional.of(RUNNING), RUNNING));
        assertThat(health.readiness().up()).isTrue();

        health.stopping();

        assertThat(health.readiness()).isEqualTo(new HealthReport(false, List.of(
                HealthCheck.down("service", "STOPPING", "draining in-flight work before exiting"), RUNNING)));
        assertThat(health.liveness()).isEqualTo(new HealthReport(true, List.of(
                HealthCheck.up("service", "STOPPING", null), RUNNING)));
    }

    @Test
    void anIndicatorThatThrowsIsDownNotAnError() {
        HealthIndicator broken = new HealthIndicator() {
            @Override
            public Optional<HealthCheck> liveness() {
                throw new IllegalStateException("boom");
            }

            @Override
            public HealthCheck readiness() {
                throw new IllegalStateException("boom");
            }
        };
        HealthReport live = ServiceHealth.of(broken).liveness();
        assertThat(live.up()).isFalse();
        assertThat(live.checks().get(1).detail()).isEqualTo("the check failed: java.lang.IllegalStateException: boom");
    }

    @Test
    void writesTheReportAsSmallJsonWith200Or503() {
        HealthReport up = HealthReport.of(List.of(HealthCheck.up("service", "SERVING", null), RUNNING));
        HealthReport down = HealthReport.of(List.of(UNREACHABLE));

        assertThat(up.httpStatus()).isEqualTo(200);
        assertThat(up.toJson()).isEqualTo("{\"status\":\"UP\",\"checks\":["
                + "{\"name\":\"service\",\"status\":\"UP\",\"state\":\"SERVING\"},"
                + "{\"name\":\"streams:a\",\"status\":\"UP\",\"state\":\"RUNNING\",\"detail\":\"1 stream thread alive\"}]}");
        assertThat(down.httpStatus()).isEqualTo(503);
        assertThat(down.toJson()).isEqualTo("{\"status\":\"DOWN\",\"checks\":["
                + "{\"name\":\"kafka\",\"status\":\"DOWN\",\"state\":\"UNREACHABLE\",\"detail\":\"no answer\"}]}");
    }
}
