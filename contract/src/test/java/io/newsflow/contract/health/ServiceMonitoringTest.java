package io.newsflow.contract.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.PipelineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceMonitoringTest {

    private static final HealthCheck RUNNING = HealthCheck.up("streams:a", "RUNNING", "1 stream thread alive");

    @TempDir
    Path tmp;

    @Test
    void healthIsTheKafkaProbeFirstThenEveryAppAndNotReadyBeforeKafkaAnswered() {
        // Nothing listens on port 1; the probe is not started, so it has not asked yet.
        try (ServiceMonitoring monitoring = ServiceMonitoring.of(
                PipelineSettings.forRun("127.0.0.1:1", "monitoring-test", 1, tmp), "enrich")) {
            ServiceHealth health = monitoring.health(new HealthIndicator() {
                @Override
                public Optional<HealthCheck> liveness() {
                    return Optional.of(RUNNING);
                }

                @Override
                public HealthCheck readiness() {
                    return RUNNING;
                }
            });

            assertThat(health.readiness()).isEqualTo(new HealthReport(false, List.of(
                    HealthCheck.up("service", "SERVING", null), HealthCheck.down("kafka", "UNKNOWN", "not asked yet"),
                    RUNNING)));
        }
    }

    @Test
    void tagsEveryMeterWithTheService() {
        try (ServiceMonitoring monitoring = ServiceMonitoring.of(
                PipelineSettings.forRun("127.0.0.1:1", "monitoring-test", 1, tmp), "publish")) {
            assertThat(monitoring.metrics().scrape()).contains("service=\"publish\"");
        }
    }
}
