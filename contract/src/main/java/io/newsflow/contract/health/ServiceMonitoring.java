package io.newsflow.contract.health;

import io.newsflow.contract.Service;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.metrics.ServiceMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * What every newsflow service wires the same way besides its own work: its metrics, and the probe of the Kafka cluster
 * that its health ({@link #health}) adds to its Streams apps. A service starts it before its apps and stops it after
 * them, so that readiness is answered until the end and the metrics are closed last.
 */
public final class ServiceMonitoring implements Service {

    private final ServiceMetrics metrics;
    private final ClusterProbe probe;

    private ServiceMonitoring(ServiceMetrics metrics, ClusterProbe probe) {
        this.metrics = metrics;
        this.probe = probe;
    }

    /** @param service the service's name: the {@code service} tag of its metrics, the stem of its application ids */
    public static ServiceMonitoring of(PipelineSettings pipeline, String service) {
        return new ServiceMonitoring(ServiceMetrics.forService(service),
                ClusterProbe.of(pipeline.kafka(), pipeline.applicationId(service) + "-health"));
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    /** The service's health: ready while Kafka answers and each of {@code apps} is ready. */
    public ServiceHealth health(HealthIndicator... apps) {
        List<HealthIndicator> indicators = new ArrayList<>();
        indicators.add(probe);
        indicators.addAll(List.of(apps));
        return new ServiceHealth(indicators);
    }

    @Override
    public void start() {
        probe.start();
    }

    @Override
    public void stop() {
        Service.stopInOrder(probe::stop, metrics::close);
    }
}
