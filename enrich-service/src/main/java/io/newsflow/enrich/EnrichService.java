package io.newsflow.enrich;

import io.newsflow.contract.Service;
import io.newsflow.contract.health.ClusterProbe;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.contract.streams.StreamsService;

/**
 * enrich-service as its main runs it: the enrich topology and its health endpoints. Ready while the stream runs and
 * Kafka answers; a stop turns it not ready, closes the stream (committing what it processed), then the server.
 */
public final class EnrichService implements Service {

    private final EnrichConfig config;
    private final StreamsService streams;
    private final ClusterProbe probe;
    private final ServiceHealth health;
    private final EnrichHttpServer http;
    private final ServiceMetrics metrics;

    public EnrichService(EnrichConfig config) {
        this.config = config;
        this.metrics = ServiceMetrics.forService(EnrichApp.SERVICE);
        this.streams = EnrichApp.service(config.pipeline(), metrics);
        this.probe = ClusterProbe.of(config.pipeline().kafka(),
                config.pipeline().applicationId(EnrichApp.SERVICE) + "-health");
        this.health = ServiceHealth.of(probe, streams.health());
        this.http = new EnrichHttpServer(health, metrics);
    }

    public StreamsService streams() {
        return streams;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    public ServiceHealth health() {
        return health;
    }

    /** The port the health server listens on (the configured one, or the free one picked for port 0). */
    public int httpPort() {
        return http.port();
    }

    @Override
    public void start() {
        probe.start();
        streams.start();
        http.start(config.httpHost(), config.httpPort());
    }

    /** The server stays up while the stream drains, so that a probe sees STOPPING rather than a refused connection. */
    @Override
    public void stop() {
        health.stopping();
        Service.stopInOrder(streams::stop, http::close, probe::stop, metrics::close);
    }
}
