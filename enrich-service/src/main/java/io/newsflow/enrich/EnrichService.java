package io.newsflow.enrich;

import io.newsflow.contract.Service;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.health.ServiceMonitoring;
import io.newsflow.contract.streams.StreamsService;

/**
 * enrich-service as its main runs it: the enrich topology and its health endpoints. Ready while the stream runs and
 * Kafka answers; a stop turns it not ready, closes the stream (committing what it processed), then the server.
 */
public final class EnrichService implements Service {

    private final EnrichConfig config;
    private final ServiceMonitoring monitoring;
    private final StreamsService streams;
    private final ServiceHealth health;
    private final EnrichHttpServer http;

    public EnrichService(EnrichConfig config) {
        this.config = config;
        this.monitoring = ServiceMonitoring.of(config.pipeline(), EnrichApp.SERVICE);
        this.streams = EnrichApp.service(config.pipeline(), monitoring.metrics());
        this.health = monitoring.health(streams.health());
        this.http = new EnrichHttpServer(health, monitoring.metrics());
    }

    /** The port the health server listens on (the configured one, or the free one picked for port 0). */
    public int httpPort() {
        return http.port();
    }

    @Override
    public void start() {
        monitoring.start();
        streams.start();
        http.start(config.httpHost(), config.httpPort());
    }

    /** The server stays up while the stream drains, so that a probe sees STOPPING rather than a refused connection. */
    @Override
    public void stop() {
        health.stopping();
        Service.stopInOrder(streams::stop, http::close, monitoring::stop);
    }
}
