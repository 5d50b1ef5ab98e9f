package io.newsflow.publish.webhooks;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.TraceContext;
import io.newsflow.contract.metrics.PipelineMeters;
import io.newsflow.contract.metrics.PipelineMeters.WebhookOutcome;
import io.newsflow.contract.ninjs.NinjsDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each published article into one pending delivery per matching subscription, and on a wall-clock schedule
 * attempts those that are due. Sends are asynchronous: the stream thread only starts them, and records their results
 * on the next run, so a slow receiver never holds the thread. A delivery that failed is scheduled again by the
 * {@link RetryPolicy}, or, once out of time, forwarded to the dead-letter sink with its body and the reason.
 * Deliveries in flight when the task stops are attempted again after a restart: at least once. Each attempt's
 * outcome is counted ({@code newsflow_webhook_deliveries_total{outcome}}), and each dead letter.
 */
final class DeliveryDispatcher extends ContextualProcessor<String, byte[], String, byte[]> {

    static final String STEP = "publish.webhook";
    static final String UNDELIVERABLE = "webhook-undeliverable";
    static final String INVALID_DOCUMENT = "invalid-ninjs";
    static final String NULL_VALUE = "null-value";
    static final String SUBSCRIPTION_HEADER = "newsflow.webhook.subscription";
    static final String DELIVERY_HEADER = "newsflow.webhook.delivery";
    static final String ATTEMPTS_HEADER = "newsflow.webhook.attempts";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final JsonSerde<NinjsDocument> NINJS = JsonSerde.of(NinjsDocument.class);

    private final Map<String, Subscription> configured;
    private final RetryPolicy retry;
    private final WebhookSender sender;
    private final RandomGenerator random;
    private final WebhookTopology.Limits limits;
    private final PipelineMeters meters;
    /** Results handed over by the HTTP client's threads; only the stream thread reads them. */
    private final Queue<Result> results = new ConcurrentLinkedQueue<>();
    private final Set<String> inFlight = new HashSet<>();
    private DeliverySchedule schedule;
    private KeyValueStore<String, Subscription> subscriptions;
    private Cancellable punctuator;

    DeliveryDispatcher(Map<String, Subscription> configured, RetryPolicy retry, WebhookSender sender,
                       RandomGenerator random, WebhookTopology.Limits limits, PipelineMeters meters) {
        this.configured = configured;
        this.retry = retry;
        this.sender = sender;
        this.random = random;
        this.limits = limits;
        this.meters = meters;
    }

    private record Result(String deliveryId, AttemptResult result) {
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        super.init(context);
        schedule = new DeliverySchedule(context.getStateStore(WebhookTopology.DELIVERIES_STORE),
                context.getStateStore(WebhookTopology.DUE_STORE));
        subscriptions = context.getStateStore(WebhookTopology.SUBSCRIPTIONS_STORE);
        punctuator = context.schedule(limits.every(), PunctuationType.WALL_CLOCK_TIME, this::run);
    }

    /**
     * Reads the published record itself, not through a typed source: the body each subscriber receives, and signs,
     * must be the bytes as published. What is not a ninjs document (including a value over the record size limit,
     * and a tombstone, which publish never writes) is dead-lettered as read.
     */
    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata source = context().recordMetadata().orElseThrow();
        if (record.value() == null) {
            deadLetter(record, source, new Rejection(NULL_VALUE, "not delivered to webhooks: the record has no value"
                    + " (a tombstone); expected a ninjs document"));
            return;
        }
        NinjsDocument article;
        try {
            article = NINJS.deserialize(source.topic(), record.value());
            if (article.uri() == null || article.version() == null) {
                throw new IllegalArgumentException("it has no uri or no version");
            }
        } catch (RuntimeException e) {
            deadLetter(record, source, new Rejection(INVALID_DOCUMENT,
                    "not delivered to webhooks: the record is not a ninjs document: " + e.getMessage()));
            return;
        }
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        String traceparent = HeaderText.get(record.headers(), TraceContext.HEADER);
        for (Subscription subscription : subscriptionsNow()) {
            if (!subscription.filter().matches(article)) {
                continue;
            }
            String id = PendingDelivery.deliveryId(subscription.id(), article.uri(), article.version());
            if (schedule.get(id) == null) { // read again (a redelivery under at-least-once): already on its way
                schedule.add(new PendingDelivery(id, subscription.id(), article.uri(), article.version(),
                        record.value(), traceparent, source.topic(), source.partition(), source.offset(), now, 0, now,
                        null));
            }
        }
    }

    private void deadLetter(Record<String, byte[]> record, RecordMetadata source, Rejection rejection) {
        Headers headers = DeadLetterHeaders.forRecord(record.headers(), rejection, STEP, source.topic(),
                source.partition(), source.offset());
        context().forward(record.withHeaders(headers));
        meters.deadLettered(STEP);
    }

    /** One run of the wall-clock schedule: record what came back, then start what is due. */
    private void run(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        for (Result result; (result = results.poll()) != null; ) {
            inFlight.remove(result.deliveryId());
            record(result, now, timestamp);
        }
        int room = Math.min(limits.perRun(), limits.inFlight() - inFlight.size());
        if (room <= 0) {
            return;
        }
        for (PendingDelivery delivery : schedule.dueAt(now, room, inFlight::contains)) {
            Subscription subscription = subscription(delivery.subscriptionId());
            if (subscription == null) {
                LOG.info("dropping delivery {}: its subscription was deleted", delivery.deliveryId());
                schedule.remove(delivery);
                continue;
            }
            inFlight.add(delivery.deliveryId());
            WebhookRequest request;
            try {
                request = WebhookRequest.of(subscription, delivery, now);
            } catch (RuntimeException e) {
                results.add(new Result(delivery.deliveryId(), new AttemptResult.Failed("cannot build the request: "
                        + e.getMessage())));
                continue;
            }
            sender.send(request).whenComplete((result, error) -> results.add(new Result(delivery.deliveryId(),
                    result != null ? result : new AttemptResult.Failed("error " + error))));
        }
    }

    private void record(Result result, Instant now, long timestamp) {
        PendingDelivery delivery = schedule.get(result.deliveryId());
        if (delivery == null) {
            return; // dropped meanwhile (its subscription was deleted)
        }
        if (result.result() instanceof AttemptResult.Delivered delivered) {
            LOG.debug("delivered {} (HTTP {}) after {} failed attempt(s)", delivery.deliveryId(), delivered.status(),
                    delivery.attempts());
            schedule.remove(delivery);
            meters.webhookDelivery(WebhookOutcome.DELIVERED);
            return;
        }
        String reason = ((AttemptResult.Failed) result.result()).reason();
        int failures = delivery.attempts() + 1;
        var next = retry.nextAttempt(delivery.createdAt(), failures, now, random);
        if (next.isPresent()) {
            LOG.debug("delivery {} failed ({}); attempt {} at {}", delivery.deliveryId(), reason, failures + 1,
                    next.get());
            schedule.replace(delivery, delivery.failed(reason, next.get()));
            meters.webhookDelivery(WebhookOutcome.RETRY);
        } else {
            park(delivery, failures, reason, now, timestamp);
        }
    }

    private void park(PendingDelivery delivery, int attempts, String reason, Instant now, long timestamp) {
        Duration age = Duration.between(delivery.createdAt(), now);
        Rejection rejection = new Rejection(UNDELIVERABLE, "not delivered to subscription '"
                + delivery.subscriptionId() + "' after " + attempts + " attempt(s) in " + DurationSetting.words(
                Duration.ofSeconds(age.toSeconds())) + " (retried up to " + DurationSetting.words(retry.maxAge())
                + "); last: " + reason);
        Headers original = new RecordHeaders();
        if (delivery.traceparent() != null) {
            HeaderText.put(original, TraceContext.HEADER, delivery.traceparent());
        }
        Headers headers = DeadLetterHeaders.forRecord(original, rejection, STEP, delivery.sourceTopic(),
                delivery.sourcePartition(), delivery.sourceOffset());
        articleId(delivery.articleUri()).ifPresent(id -> HeaderText.put(headers, DeadLetterHeaders.ARTICLE_ID, id));
        HeaderText.put(headers, SUBSCRIPTION_HEADER, delivery.subscriptionId());
        HeaderText.put(headers, DELIVERY_HEADER, delivery.deliveryId());
        HeaderText.put(headers, ATTEMPTS_HEADER, Integer.toString(attempts));
        LOG.warn("parked delivery {} in the dead-letter topic: {}", delivery.deliveryId(), rejection.reason());
        context().forward(new Record<>(delivery.articleUri(), delivery.body(), timestamp, headers));
        schedule.remove(delivery);
        meters.webhookDelivery(WebhookOutcome.PARKED);
        meters.deadLettered(STEP);
    }

    private List<Subscription> subscriptionsNow() {
        List<Subscription> all = new ArrayList<>(configured.values());
        try (KeyValueIterator<String, Subscription> registered = subscriptions.all()) {
            registered.forEachRemaining(entry -> {
                if (entry.value != null && !configured.containsKey(entry.key)) {
                    all.add(entry.value);
                }
            });
        }
        return all;
    }

    private Subscription subscription(String id) {
        Subscription subscription = configured.get(id);
        return subscription != null ? subscription : subscriptions.get(id);
    }

    private static java.util.Optional<String> articleId(String uri) {
        try {
            return java.util.Optional.of(ArticleIds.idOf(uri));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        if (punctuator != null) {
            punctuator.cancel();
        }
        // Sends still in flight report into a queue nobody reads: their deliveries stay due in the store and are
        // attempted again by whichever task owns the partition next.
        inFlight.clear();
        results.clear();
    }
}
