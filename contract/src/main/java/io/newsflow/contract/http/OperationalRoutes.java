package io.newsflow.contract.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsflow.contract.health.HealthReport;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.metrics.ServiceMetrics;

/**
 * The routes every newsflow service's HTTP server has, whatever else it serves: {@code GET /health/live} and
 * {@code GET /health/ready} (JSON, 200 or 503) and {@code GET /metrics} (Prometheus' text format). None is cached: a
 * probe or a scrape must see the state of now.
 */
public final class OperationalRoutes {

    private final ServiceHealth health;
    private final ServiceMetrics metrics;

    public OperationalRoutes(ServiceHealth health, ServiceMetrics metrics) {
        this.health = health;
        this.metrics = metrics;
    }

    public void register(Javalin app) {
        app.get("/health/live", ctx -> health(ctx, health.liveness()));
        app.get("/health/ready", ctx -> health(ctx, health.readiness()));
        app.get("/metrics", ctx -> ctx.header("Cache-Control", "no-store").contentType(ServiceMetrics.CONTENT_TYPE)
                .result(metrics.scrape()));
    }

    private static void health(Context ctx, HealthReport report) {
        ctx.status(report.httpStatus()).header("Cache-Control", "no-store").contentType(HealthReport.MEDIA_TYPE)
                .result(report.toJson());
    }
}
