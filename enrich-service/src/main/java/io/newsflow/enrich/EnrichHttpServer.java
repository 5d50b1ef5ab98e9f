package io.newsflow.enrich;

import io.javalin.Javalin;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.http.OperationalRoutes;
import io.newsflow.contract.metrics.ServiceMetrics;

/**
 * enrich-service's HTTP server: {@code /health/live} and {@code /health/ready} (JSON, 200 or 503), and
 * {@code /metrics} (Prometheus). enrich has no API; operational routes join these here.
 */
public final class EnrichHttpServer implements AutoCloseable {

    private final Javalin app;

    public EnrichHttpServer(ServiceHealth health, ServiceMetrics metrics) {
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        new OperationalRoutes(health, metrics).register(app);
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
}
