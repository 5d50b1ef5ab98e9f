package io.newsflow.publish.webhooks;

import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.metrics.PipelineMeters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The webhook app: news.published (+ the subscriptions topic as a global store, so every task sees every
 * subscription) to deliveries, kept in changelogged stores until delivered or parked on news.dlq.
 *
 * <pre>
 *   subscriptions topic ──► [global store subscriptions]
 *   news.published ──► [deliveries: pending-webhook-deliveries, webhook-deliveries-due] ──► news.dlq (parked)
 * </pre>
 */
public final class WebhookTopology {

    public static final String SUBSCRIPTIONS_STORE = "webhook-subscriptions";
    static final String DELIVERIES_STORE = "pending-webhook-deliveries";
    static final String DUE_STORE = "webhook-deliveries-due";
    /**
     * How far back the app's first start reads news.published (its consumer group has no committed offsets yet):
     * articles that reached newsflow in the last hour, not the feed's whole history, which would otherwise be POSTed
     * to every configured subscriber at once. An hour covers articles published while the app was still starting,
     * and a first start that failed and was tried again. Later starts resume where the last one committed, so
     * nothing published while the app was down is skipped. A backfill is Kafka's tool's job: reset the group
     * ({@code kafka-consumer-groups.sh --reset-offsets --to-earliest}) before starting.
     */
    static final Duration FIRST_START_WINDOW = Duration.ofHours(1);

    /**
     * How the dispatcher paces itself: it runs every {@code every} (wall clock), starts at most {@code perRun}
     * attempts per run and keeps at most {@code inFlight} requests open per task.
     */
    public record Limits(Duration every, int perRun, int inFlight) {
        public static final Limits DEFAULT = new Limits(Duration.ofMillis(200), 50, 200);
    }

    private WebhookTopology() {
    }

    public static Topology build(TopicNames topics, String subscriptionsTopic, List<Subscription> configured,
                                 RetryPolicy retry, WebhookSender sender, Supplier<RandomGenerator> randoms,
                                 Limits limits, PipelineMeters meters) {
        Map<String, Subscription> byId = new LinkedHashMap<>();
        configured.forEach(subscription -> byId.put(subscription.id(), subscription));
        Map<String, Subscription> configuredById = java.util.Collections.unmodifiableMap(byId);
        JsonSerde<Subscription> subscriptionSerde = JsonSerde.of(Subscription.class);

        Topology topology = new Topology();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE), Serdes.String(),
                        subscriptionSerde).withLoggingDisabled(), // the topic is its own changelog
                "subscriptions", Serdes.String().deserializer(), subscriptionSerde, subscriptionsTopic,
                "subscriptions-to-store", SubscriptionsUpdater::new);
        topology.addSource(AutoOffsetReset.byDuration(FIRST_START_WINDOW), "published", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), topics.published());
        topology.addProcessor("deliveries",
                () -> new DeliveryDispatcher(configuredById, retry, sender, randoms.get(), limits, meters), "published");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DELIVERIES_STORE),
                Serdes.String(), JsonSerde.of(PendingDelivery.class)), "deliveries");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_STORE),
                Serdes.String(), Serdes.String()), "deliveries");
        topology.addSink("parked", topics.dlq(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                "deliveries");
        return topology;
    }

    /** Keeps the global store equal to the compacted subscriptions topic: a tombstone deletes. */
    private static final class SubscriptionsUpdater extends ContextualProcessor<String, Subscription, Void, Void> {
        private KeyValueStore<String, Subscription> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            super.init(context);
            store = context.getStateStore(SUBSCRIPTIONS_STORE);
        }

        @Override
        public void process(Record<String, Subscription> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
