package io.newsflow.publish;

import io.newsflow.contract.Service;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.health.ServiceMonitoring;
import io.newsflow.contract.http.OperationalRoutes;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.contract.streams.StreamsService;
import io.newsflow.contract.streams.StreamsSettings;
import io.newsflow.publish.feed.FeedRoutes;
import io.newsflow.publish.webhooks.WebhookService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * publish-service: the publish topology, the webhook app that pushes what it published to subscribers, and the HTTP
 * API over both. Ready while both Streams apps run and Kafka answers; a stop turns it not ready, closes the HTTP
 * server (ending live streams), then each Streams app (committing what it processed).
 */
public final class PublishService implements Service {

    private final PublishConfig config;
    private final PublishStateMigration migration;
    private final ServiceMonitoring monitoring;
    private final StreamsService streams;
    private final WebhookService webhooks;
    private final ServiceHealth health;
    private PublishHttpServer http;

    public PublishService(PublishConfig config) {
        this.config = config;
        this.monitoring = ServiceMonitoring.of(config.pipeline(), PublishConfig.SERVICE);
        ServiceMetrics metrics = monitoring.metrics();
        int enrichedPartitions = TopicAdmin.partitionCount(config.pipeline(), config.pipeline().topics().enriched(),
                config.pipeline().applicationId(PublishConfig.SERVICE) + "-admin");
        this.migration = new PublishStateMigration(config.pipeline(), enrichedPartitions);
        this.streams = new StreamsService(StreamsSettings.withOneStandby(config.pipeline()), PublishConfig.SERVICE,
                PublishTopology.build(Topics.of(config.pipeline().topics()), Clock.systemUTC(), metrics.meters(),
                        enrichedPartitions),
                metrics);
        this.webhooks = new WebhookService(config.pipeline(), config.webhooks(), metrics);
        this.health = monitoring.health(streams.health(), webhooks.streams().health());
    }

    public StreamsService streams() {
        return streams;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    /** The HTTP port actually bound (useful when configured as 0). */
    public int httpPort() {
        return http.port();
    }

    @Override
    public void start() {
        monitoring.start();
        migration.run();
        streams.start();
        webhooks.start();
        ArticleQueries articles = new StoreArticleQueries(streams.kafkaStreams());
        List<HttpRoutes> parts = new ArrayList<>();
        // Each consumer-facing surface adds its routes here (feeds, live stream, page, subscriptions).
        parts.add(new FeedRoutes(articles));
        parts.add(new SubscriptionRoutes(webhooks.subscriptions()));
        parts.add(new LiveStream(config.pipeline().kafka(), Topics.of(config.pipeline().topics()).published()));
        parts.add(new NewsroomPage());
        parts.add(new OperationalRoutes(health, monitoring.metrics())::register);
        http = new PublishHttpServer(articles, parts).start(config.httpHost(), config.httpPort());
    }

    @Override
    public void stop() {
        health.stopping();
        Service.stopInOrder(() -> {
            if (http != null) {
                http.close();
            }
        }, webhooks::stop, streams::stop, monitoring::stop);
    }
}
