package io.newsflow.ingest;

import io.newsflow.contract.Service;
import io.newsflow.contract.Topics;
import io.newsflow.contract.streams.StreamsService;
import java.time.Clock;

/**
 * ingest-service: a Kafka Streams app that normalizes news.inbound into news.raw, and a writer for articles that
 * arrive outside Kafka (drop folders).
 */
public final class IngestService implements Service {

    private final StreamsService streams;
    private final ArticleWriter writer;
    private final DropFolder dropFolder;

    public IngestService(IngestConfig config) {
        Topics topics = Topics.of(config.pipeline().topics());
        InboundNormalizer normalizer = new InboundNormalizer(config.maxBytes());
        this.streams = new StreamsService(config.pipeline(), IngestConfig.SERVICE,
                InboundTopology.build(topics, normalizer));
        this.writer = new ArticleWriter(config.pipeline().kafka(), topics,
                config.pipeline().applicationId(IngestConfig.SERVICE) + "-writer");
        this.dropFolder = new DropFolder(normalizer, writer, Clock.systemUTC());
    }

    public DropFolder dropFolder() {
        return dropFolder;
    }

    public StreamsService streams() {
        return streams;
    }

    @Override
    public void start() {
        streams.start();
    }

    @Override
    public void stop() {
        streams.stop();
        writer.close();
    }
}
