package io.newsflow.publish;

import io.newsflow.contract.Service;
import io.newsflow.contract.Topics;
import io.newsflow.contract.streams.StreamsService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/** publish-service: the publish topology and the HTTP API over what it published. */
public final class PublishService implements Service {

    private final PublishConfig config;
    private final StreamsService streams;
    private PublishHttpServer http;

    public PublishService(PublishConfig config) {
        this.config = config;
        this.streams = new StreamsService(config.pipeline(), PublishConfig.SERVICE,
                PublishTopology.build(Topics.of(config.pipeline().topics()), Clock.systemUTC()));
    }

    public StreamsService streams() {
        return streams;
    }

    /** The HTTP port actually bound (useful when configured as 0). */
    public int httpPort() {
        return http.port();
    }

    @Override
    public void start() {
        streams.start();
        ArticleQueries articles = new StoreArticleQueries(streams.kafkaStreams());
        List<HttpRoutes> parts = new ArrayList<>();
        // Each consumer-facing surface adds its routes here (feeds, live stream, page, subscriptions).
        parts.add(new LiveStream(config.pipeline().kafka(), Topics.of(config.pipeline().topics()).published()));
        parts.add(new NewsroomPage());
        http = new PublishHttpServer(articles, () -> streams.state() == KafkaStreams.State.RUNNING, parts)
                .start(config.httpHost(), config.httpPort());
    }

    @Override
    public void stop() {
        if (http != null) {
            http.close();
        }
        streams.stop();
    }
}
