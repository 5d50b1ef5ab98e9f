package io.newsflow.ingest;

import io.newsflow.contract.Service;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.health.ServiceMonitoring;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.contract.streams.StreamsService;
import io.newsflow.contract.streams.StreamsSettings;
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

    /** Asks the cluster how news.inbound is laid out ({@link #repartitionsBySource}): it must be reachable. */
    public IngestService(IngestConfig config) {
        this(config, repartitionsBySource(config.pipeline()));
    }

    /**
     * @param repartitionBySource whether the source ledger reads through a repartition by source
     *                            ({@link InboundTopology})
     */
    IngestService(IngestConfig config, boolean repartitionBySource) {
        Topics topics = Topics.of(config.pipeline().topics());
        InboundNormalizer normalizer = new InboundNormalizer(config.maxBytes());
        this.monitoring = ServiceMonitoring.of(config.pipeline(), IngestConfig.SERVICE);
        ServiceMetrics metrics = monitoring.metrics();
        this.streams = new StreamsService(StreamsSettings.withOneStandby(config.pipeline()), IngestConfig.SERVICE,
                InboundTopology.build(topics, normalizer, metrics.meters(), repartitionBySource),
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

    /**
     * Whether the source ledger needs its input repartitioned by source: when news.inbound has more than one partition
     * (created so by an earlier build), or when an earlier run of this app already had the repartition topic, which
     * may still hold articles not yet numbered (it stays in use, so none is lost; delete it once drained to drop the
     * hop).
     */
    private static boolean repartitionsBySource(PipelineSettings pipeline) {
        String app = pipeline.applicationId(IngestConfig.SERVICE);
        return TopicAdmin.partitionCount(pipeline, pipeline.topics().inbound(), app + "-admin") > 1
                || TopicAdmin.existingPartitions(pipeline, InboundTopology.bySourceTopic(app), app + "-admin")
                .isPresent();
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
