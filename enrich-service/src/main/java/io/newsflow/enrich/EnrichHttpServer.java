package io.newsflow.enrich;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsflow.contract.health.HealthReport;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.metrics.ServiceMetrics;

/**
 * enrich-service's HTTP server: {@code /health/live} and {@code /health/ready} (JSON, 200 or 503), and
 * {@code /metrics} (Prometheus). enrich has no API; operational routes join these here.
 */
public final class EnrichHttpServer implements AutoCloseable {

    private final Javalin app;

    public EnrichHttpServer(ServiceHealth health, ServiceMetrics metrics) {
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        // The same two routes as ingest's and publish's servers (contract has no HTTP framework to share them in).
        app.get("/health/live", ctx -> health(ctx, health.liveness()));
        app.get("/health/ready", ctx -> health(ctx, health.readiness()));
        app.get("/metrics", ctx -> ctx.header("Cache-Control", "no-store").contentType(ServiceMetrics.CONTENT_TYPE)
                .result(metrics.scrape()));
    }

    /** Starts listening; port 0 picks a free one (see {@link #port()}). */
    public EnrichHttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void health(Context ctx, HealthReport report) {
        ctx.status(report.httpStatus()).header("Cache-Control", "no-store").contentType(HealthReport.MEDIA_TYPE)
                .result(report.toJson());
    }
}
