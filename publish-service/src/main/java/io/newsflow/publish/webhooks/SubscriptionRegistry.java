package io.newsflow.publish.webhooks;

import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Uuid7;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.publish.webhooks.SubscriptionValidation.NewSubscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The subscriptions, for the HTTP API: the configured ones, and those registered at runtime, which live in the
 * compacted subscriptions topic (read back through the webhook app's global store). A registration or removal
 * returns once the broker has it (acks=all) and, for read-your-writes, once this instance's store shows it.
 */
public final class SubscriptionRegistry implements AutoCloseable {

    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Subscription> configured;
    private final Supplier<ReadOnlyKeyValueStore<String, Subscription>> store;
    private final String topic;
    private final KafkaProducer<String, Subscription> producer;
    private final Clock clock;

    /** A write that the broker did not acknowledge: nothing may be assumed registered or removed. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A configured subscription cannot be removed over the API. */
    public static final class Configured extends Exception {
        Configured(String id) {
            super("subscription '" + id + "' comes from the configuration (NEWSFLOW_WEBHOOKS or "
                    + "NEWSFLOW_WEBHOOKS_FILE); remove it there");
        }
    }

    SubscriptionRegistry(List<Subscription> configured, Supplier<ReadOnlyKeyValueStore<String, Subscription>> store,
                         KafkaSettings kafka, String topic, String clientId, Clock clock) {
        Map<String, Subscription> byId = new HashMap<>();
        configured.forEach(subscription -> byId.put(subscription.id(), subscription));
        this.configured = Map.copyOf(byId);
        this.store = store;
        this.topic = topic;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafka.producerConfig(clientId));
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(config, Serdes.String().serializer(),
                JsonSerde.of(Subscription.class).serializer());
    }

    /** Every subscription: configured ones first, then registered ones by id (ids sort by creation time). */
    public List<Subscription> all() {
        List<Subscription> all = new ArrayList<>(configured.values());
        all.sort(Comparator.comparing(Subscription::id));
        List<Subscription> registered = new ArrayList<>();
        try (KeyValueIterator<String, Subscription> entries = store.get().all()) {
            entries.forEachRemaining(entry -> {
                if (!configured.containsKey(entry.key)) {
                    registered.add(entry.value);
                }
            });
        }
        registered.sort(Comparator.comparing(Subscription::id));
        all.addAll(registered);
        return all;
    }

    public Optional<Subscription> find(String id) {
        Subscription subscription = configured.get(id);
        return subscription != null ? Optional.of(subscription) : Optional.ofNullable(store.get().get(id));
    }

    public Subscription register(NewSubscription request) throws Unavailable, InterruptedException {
        Subscription subscription = new Subscription("sub-" + Uuid7.next(clock), request.url(), request.secret(),
                request.filter(), Subscription.API, clock.instant());
        write(subscription.id(), subscription);
        awaitVisible(subscription.id(), true);
        return subscription;
    }

    /** Removes a registered subscription; false when there is none with this id. */
    public boolean remove(String id) throws Unavailable, Configured, InterruptedException {
        if (configured.containsKey(id)) {
            throw new Configured(id);
        }
        if (store.get().get(id) == null) {
            return false;
        }
        write(id, null);
        awaitVisible(id, false);
        return true;
    }

    private void write(String id, Subscription value) throws Unavailable, InterruptedException {
        try {
            producer.send(new ProducerRecord<>(topic, id, value))
                    .get(WRITE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Unavailable(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    /**
     * Waits until this instance's global store has caught up with a write, so that a GET right after a POST or
     * DELETE shows it. The write is durable either way: past the time limit the answer is sent regardless.
     */
    private void awaitVisible(String id, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ((store.get().get(id) != null) == present) {
                    return;
                }
            } catch (InvalidStateStoreException e) {
                // restoring or rebalancing: look again shortly
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
