package io.newsflow.publish;

import io.javalin.Javalin;
import io.newsflow.contract.metrics.ServiceMetrics;

/**
 * {@code GET /metrics}: publish's metrics in Prometheus' text format (the same route as ingest's and enrich's
 * servers): what it published, the end-to-end latency, webhook deliveries, dead letters, both Streams apps, the JVM.
 */
public final class MetricsRoutes implements HttpRoutes {

    private final ServiceMetrics metrics;

    public MetricsRoutes(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(Javalin app) {
        app.get("/metrics", ctx -> ctx.header("Cache-Control", "no-store").contentType(ServiceMetrics.CONTENT_TYPE)
                .result(metrics.scrape()));
    }
}
