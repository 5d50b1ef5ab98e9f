package io.newsflow.contract.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health of one service: its indicators (Streams apps, the Kafka connection) plus its own lifecycle. Live while no
 * indicator says the process is broken; ready while every indicator is ready and the service has not begun to stop.
 * Cheap and non-blocking, so the HTTP thread can ask it on every probe.
 */
public final class ServiceHealth {

    static final String SERVICE = "service";

    private final List<HealthIndicator> indicators;
    private volatile boolean stopping;

    public ServiceHealth(List<HealthIndicator> indicators) {
        this.indicators = List.copyOf(indicators);
    }

    public static ServiceHealth of(HealthIndicator... indicators) {
        return new ServiceHealth(List.of(indicators));
    }

    /** From now on the service is not ready: it is draining and will not take new work. */
    public void stopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    public HealthReport liveness() {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(HealthCheck.up(SERVICE, lifecycle(), null));
        for (HealthIndicator indicator : indicators) {
            asked(indicator, true).ifPresent(checks::add);
        }
        return HealthReport.of(checks);
    }

    public HealthReport readiness() {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(stopping ? HealthCheck.down(SERVICE, lifecycle(), "draining in-flight work before exiting")
                : HealthCheck.up(SERVICE, lifecycle(), null));
        for (HealthIndicator indicator : indicators) {
            asked(indicator, false).ifPresent(checks::add);
        }
        return HealthReport.of(checks);
    }

    private String lifecycle() {
        return stopping ? "STOPPING" : "SERVING";
    }

    /** An indicator that throws is down rather than a 500: the probe must still get an answer. */
    private static Optional<HealthCheck> asked(HealthIndicator indicator, boolean live) {
        try {
            return live ? indicator.liveness() : Optional.of(indicator.readiness());
        } catch (RuntimeException e) {
            return Optional.of(HealthCheck.down(indicator.getClass().getSimpleName(), "UNKNOWN",
                    "the check failed: " + e));
        }
    }
}
