package io.newsflow.publish.webhooks;

import io.newsflow.contract.Service;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.contract.streams.StreamsService;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Webhook delivery as its own Kafka Streams application ({@code <prefix>-publish-webhooks}): its own consumer group
 * on news.published, so a slow receiver never holds up publishing, and its own state (pending deliveries), restored
 * from its changelog after a restart. Also the {@link SubscriptionRegistry} the HTTP API uses.
 */
public final class WebhookService implements Service {

    public static final String SERVICE = "publish-webhooks";

    private final PipelineSettings settings;
    private final WebhookConfig config;
    private final HttpWebhookSender sender;
    private final StreamsService streams;
    private final SubscriptionRegistry registry;

    /** A webhook app counting in metrics of its own that nothing serves (tests run it so). */
    public WebhookService(PipelineSettings pipeline, WebhookConfig config) {
        this(pipeline, config, ServiceMetrics.forService("publish"));
    }

    /** @param metrics publish's: deliveries, dead letters and the app's Kafka metrics are counted there */
    public WebhookService(PipelineSettings pipeline, WebhookConfig config, ServiceMetrics metrics) {
        this.settings = readCommitted(pipeline);
        this.config = config;
        this.sender = new HttpWebhookSender(config.connectTimeout(), config.requestTimeout());
        // Subscriptions feed a global store: a record there that cannot be read is skipped with a warning, never
        // dead-lettered (the global thread cannot, and re-reads the compacted topic on every start); the
        // subscription it was meant to be stays as it was.
        this.streams = new StreamsService(settings, SERVICE, WebhookTopology.build(settings.topics(),
                config.subscriptionsTopic(), config.configured(), config.retry(), sender, SplittableRandom::new,
                WebhookTopology.Limits.DEFAULT, metrics.meters()), Set.of(config.subscriptionsTopic()), metrics);
        KafkaStreams kafkaStreams = streams.kafkaStreams();
        this.registry = new SubscriptionRegistry(config.configured(), () -> kafkaStreams.store(
                StoreQueryParameters.fromNameAndType(WebhookTopology.SUBSCRIPTIONS_STORE,
                        QueryableStoreTypes.keyValueStore())),
                settings.kafka(), config.subscriptionsTopic(), settings.applicationId(SERVICE) + "-registry",
                Clock.systemUTC());
    }

    public SubscriptionRegistry subscriptions() {
        return registry;
    }

    public StreamsService streams() {
        return streams;
    }

    @Override
    public void start() {
        SubscriptionTopic.ensure(settings, config.subscriptionsTopic(), settings.applicationId(SERVICE) + "-admin");
        streams.start();
    }

    @Override
    public void stop() {
        Service.stopInOrder(streams::stop, registry::close, sender::close);
    }

    /**
     * Only committed articles are delivered, whatever the processing guarantee: at_least_once would otherwise read
     * uncommitted ones, and a receiver cannot take back what it was sent.
     */
    static PipelineSettings readCommitted(PipelineSettings pipeline) {
        KafkaSettings kafka = pipeline.kafka();
        Map<String, Object> streamsConfig = new HashMap<>(kafka.streams());
        streamsConfig.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG),
                "read_committed");
        return pipeline.withKafka(new KafkaSettings(kafka.bootstrapServers(), kafka.common(), kafka.producer(),
                kafka.consumer(), kafka.admin(), streamsConfig));
    }
}
