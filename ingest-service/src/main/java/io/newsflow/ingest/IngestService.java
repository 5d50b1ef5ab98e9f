package io.newsflow.ingest;

import io.newsflow.contract.Service;
import io.newsflow.contract.Topics;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.health.ServiceMonitoring;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.contract.streams.StreamsService;
import java.time.Clock;

/**
 * ingest-service: a Kafka Streams app that normalizes news.inbound into news.raw, the HTTP API on port 8081, and the
 * gateway through which HTTP requests and drop-folder files reach news.inbound. Ready while its stream runs and
 * Kafka answers; a stop first turns it not ready and drains the HTTP writes, then closes the stream and the producer.
 */
public final class IngestService implements Service {

    private final ServiceMonitoring monitoring;
    private final StreamsService streams;
    private final ArticleWriter writer;
    private final IngestGateway gateway;
    private final DropFolder dropFolder;
    private final ServiceHealth health;
    private final IngestHttpServer http;

    public IngestService(IngestConfig config) {
        Topics topics = Topics.of(config.pipeline().topics());
        InboundNormalizer normalizer = new InboundNormalizer(config.maxBytes());
        this.monitoring = ServiceMonitoring.of(config.pipeline(), IngestConfig.SERVICE);
        ServiceMetrics metrics = monitoring.metrics();
        this.streams = new StreamsService(config.pipeline(), IngestConfig.SERVICE,
                InboundTopology.build(topics, normalizer, metrics.meters()),
                ArticleStatusFlow.observedTopics(topics, config.pipeline().applicationId(IngestConfig.SERVICE)),
                metrics);
        this.writer = new ArticleWriter(config.pipeline().kafka(), topics,
                config.pipeline().applicationId(IngestConfig.SERVICE) + "-writer", metrics);
        this.gateway = new IngestGateway(normalizer, writer);
        this.dropFolder = new DropFolder(normalizer, writer, Clock.systemUTC());
        this.health = monitoring.health(streams.health());
        this.http = new IngestHttpServer(config, gateway, new ArticleStatuses(streams.kafkaStreams()), health,
                metrics, Clock.systemUTC());
    }

    public DropFolder dropFolder() {
        return dropFolder;
    }

    public IngestGateway gateway() {
        return gateway;
    }

    public StreamsService streams() {
        return streams;
    }

    /** The port the ingest API listens on (the configured one, or the free one picked for port 0). */
    public int httpPort() {
        return http.port();
    }

    @Override
    public void start() {
        monitoring.start();
        streams.start();
        http.start();
    }

    /** Not ready first; then no new HTTP writes and the admitted ones answered; then the stream commits; then the producer. */
    @Override
    public void stop() {
        health.stopping();
        Service.stopInOrder(http::close, streams::stop, writer::close, monitoring::stop);
    }
}
