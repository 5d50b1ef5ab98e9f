package io.newsflow.ingest;

import io.newsflow.contract.Service;
import io.newsflow.contract.Topics;
import io.newsflow.contract.streams.StreamsService;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;

/**
 * ingest-service: a Kafka Streams app that normalizes news.inbound into news.raw, the HTTP API on port 8081, and the
 * gateway through which HTTP requests and drop-folder files reach news.inbound.
 */
public final class IngestService implements Service {

    private final StreamsService streams;
    private final ArticleWriter writer;
    private final IngestGateway gateway;
    private final DropFolder dropFolder;
    private final IngestHttpServer http;

    public IngestService(IngestConfig config) {
        Topics topics = Topics.of(config.pipeline().topics());
        InboundNormalizer normalizer = new InboundNormalizer(config.maxBytes());
        this.streams = new StreamsService(config.pipeline(), IngestConfig.SERVICE,
                InboundTopology.build(topics, normalizer),
                ArticleStatusFlow.observedTopics(topics, config.pipeline().applicationId(IngestConfig.SERVICE)));
        this.writer = new ArticleWriter(config.pipeline().kafka(), topics,
                config.pipeline().applicationId(IngestConfig.SERVICE) + "-writer");
        this.gateway = new IngestGateway(normalizer, writer);
        this.dropFolder = new DropFolder(normalizer, writer, Clock.systemUTC());
        this.http = new IngestHttpServer(config, gateway, new ArticleStatuses(streams.kafkaStreams()),
                () -> streams.state() == KafkaStreams.State.RUNNING, Clock.systemUTC());
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
        streams.start();
        http.start();
    }

    @Override
    public void stop() {
        http.close();
        streams.stop();
        writer.close();
    }
}
