package io.newsflow.publish.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.Json;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.ninjs.NinjsDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contract.metrics.PipelineMeters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher on a mocked wall clock, with a sender that answers as scripted and remembers when it was asked. */
class WebhookTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration TICK = Duration.ofMillis(100);
    private static final String SECRET = "0123456789abcdef";
    private static final long SEED = 42;
    private static final TopicNames TOPICS = TopicNames.DEFAULTS;
    private static final String SUBSCRIPTIONS = "news.subscriptions";

    @TempDir
    Path stateDir;

    private final ScriptedSender sender = new ScriptedSender();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> published;
    private TestInputTopic<String, Subscription> registered;
    private TestOutputTopic<String, byte[]> deadLetters;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void postsTheExactBodySignedWithTheDeliveryHeaders() {
        start(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1)),
                subscription("s1", SubscriptionFilter.NONE));
        byte[] body = publish(TestArticles.article("story-1", "2", "en"));

        tick(2);

        assertThat(sender.requests).hasSize(1);
        WebhookRequest request = sender.requests.get(0).request();
        assertThat(request.url()).hasToString("http://receiver.test/s1");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.headers())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("X-Newsflow-Signature", WebhookSignature.sign(SECRET, body))
                .containsEntry("webhook-id", "s1/urn:newsflow:article:story-1/2")
                .containsEntry("webhook-timestamp", Long.toString(T0.getEpochSecond())) // sent within T0's second
                .containsEntry("webhook-signature", WebhookSignature.signStandard(SECRET,
                        "s1/urn:newsflow:article:story-1/2", T0.getEpochSecond(), body))
                .containsEntry("X-Newsflow-Delivery", "s1/urn:newsflow:article:story-1/2")
                .containsEntry("X-Newsflow-Event", "article.published")
                .containsEntry("X-Newsflow-Attempt", "1")
                .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        tick(5);
        assertThat(sender.requests).hasSize(1);
        assertThat(pendingCount()).isZero();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(deliveries("delivered")).isEqualTo(1.0);
        assertThat(registry.get(PipelineMeters.WEBHOOK_DELIVERIES).counters()).hasSize(1);
    }

    @Test
    void retriesWithFullJitterBackoffKeepingTheDeliveryId() {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5));
        start(retry, subscription("s1", SubscriptionFilter.NONE));
        sender.script(fail("HTTP 500"), fail("HTTP 503"), fail("no answer within 10 s"), fail("HTTP 500"));
        publish(TestArticles.article("story-2", "1", "en"));

        tickUntil(() -> sender.requests.size() == 5, Duration.ofMinutes(2));
        tick(10);

        assertThat(sender.requests).hasSize(5);
        assertThat(sender.requests).extracting(sent -> sent.request().deliveryId()).containsOnly(
                "s1/urn:newsflow:article:story-2/1");
        assertThat(sender.requests).extracting(sent -> sent.request().headers().get("X-Newsflow-Attempt"))
                .containsExactly("1", "2", "3", "4", "5");
        // Each failure is seen on the run after the attempt (one tick), then waits its jittered delay, rounded up to
        // the next run: the delays are exactly those of the policy with the same seed.
        Random expected = new Random(SEED);
        for (int failures = 1; failures <= 4; failures++) {
            long delay = retry.delay(failures, expected).toMillis();
            long gap = sender.requests.get(failures).at() - sender.requests.get(failures - 1).at();
            assertThat(gap).as("gap after failure %d", failures)
                    .isEqualTo(TICK.toMillis() + ceilToTick(delay));
        }
        assertThat(pendingCount()).isZero();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(deliveries("retry")).isEqualTo(4.0);
        assertThat(deliveries("delivered")).isEqualTo(1.0);
        assertThat(registry.find(PipelineMeters.WEBHOOK_DELIVERIES).tag("outcome", "parked").counter()).isNull();
    }

    @Test
    void parksADeliveryThatStillFailsAtTheMaximumAge() {
        start(new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                subscription("s1", SubscriptionFilter.NONE));
        sender.failAlways("HTTP 500");
        byte[] body = publish(TestArticles.article("story-3", "1", "en"));

        tickUntil(() -> !deadLetters.isEmpty(), Duration.ofSeconds(20));

        TestRecord<String, byte[]> parked = deadLetters.readRecord();
        assertThat(parked.key()).isEqualTo("urn:newsflow:article:story-3");
        assertThat(parked.value()).isEqualTo(body);
        assertThat(header(parked, DeadLetterHeaders.STEP)).isEqualTo("publish.webhook");
        assertThat(header(parked, DeadLetterHeaders.ERROR)).isEqualTo("webhook-undeliverable");
        assertThat(header(parked, DeadLetterHeaders.MESSAGE))
                .startsWith("not delivered to subscription 's1' after " + sender.requests.size() + " attempt(s) in ")
                .endsWith("(retried up to 5 s); last: HTTP 500");
        assertThat(header(parked, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPICS.published());
        assertThat(header(parked, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(parked, DeadLetterHeaders.ARTICLE_ID)).isEqualTo("story-3");
        assertThat(header(parked, "newsflow.webhook.delivery")).isEqualTo("s1/urn:newsflow:article:story-3/1");
        assertThat(header(parked, "newsflow.webhook.attempts")).isEqualTo(Integer.toString(sender.requests.size()));
        assertThat(sender.requests.size()).isGreaterThan(2);
        assertThat(pendingCount()).isZero();
        int attempts = sender.requests.size();
        tick(50);
        assertThat(sender.requests).hasSize(attempts);
        assertThat(deliveries("parked")).isEqualTo(1.0);
        assertThat(deliveries("retry")).isEqualTo(attempts - 1);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "publish.webhook").counter().count())
                .isEqualTo(1.0);
    }

    private double deliveries(String outcome) {
        return registry.get(PipelineMeters.WEBHOOK_DELIVERIES).tag("outcome", outcome).counter().count();
    }

    @Test
    void deliversOnlyToSubscriptionsWhoseFilterMatches() {
        start(RetryPolicy.DEFAULT, subscription("french", new SubscriptionFilter("fr", null, null, null, null)),
                subscription("english", new SubscriptionFilter("en", null, null, null, null)),
                subscription("everything", SubscriptionFilter.NONE));
        publish(TestArticles.article("story-4", "1", "en"));

        tick(3);

        assertThat(sender.requests).extracting(sent -> sent.request().deliveryId()).containsExactlyInAnyOrder(
                "english/urn:newsflow:article:story-4/1", "everything/urn:newsflow:article:story-4/1");
    }

    @Test
    void deliversToSubscriptionsRegisteredOnTheTopicUntilTheyAreDeleted() {
        start(RetryPolicy.DEFAULT);
        registered.pipeInput("sub-1", new Subscription("sub-1", "http://receiver.test/api", SECRET,
                SubscriptionFilter.NONE, Subscription.API, T0));
        publish(TestArticles.article("story-5", "1", "en"));
        tick(2);
        assertThat(sender.requests).extracting(sent -> sent.request().url().toString())
                .containsExactly("http://receiver.test/api");

        registered.pipeInput("sub-1", (Subscription) null);
        publish(TestArticles.article("story-6", "1", "en"));
        tick(3);
        assertThat(sender.requests).hasSize(1);
    }

    @Test
    void aDeliveryWhoseSubscriptionIsDeletedWhilePendingIsDropped() {
        start(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1)));
        registered.pipeInput("sub-2", new Subscription("sub-2", "http://receiver.test/api", SECRET,
                SubscriptionFilter.NONE, Subscription.API, T0));
        sender.failAlways("HTTP 500");
        publish(TestArticles.article("story-7", "1", "en"));
        tick(2);
        assertThat(sender.requests).hasSize(1);

        registered.pipeInput("sub-2", (Subscription) null);
        tick(30);

        assertThat(sender.requests).hasSize(1);
        assertThat(pendingCount()).isZero();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void theSameArticleVersionReadTwiceIsDeliveredOnce() {
        start(RetryPolicy.DEFAULT, subscription("s1", SubscriptionFilter.NONE));
        sender.script(fail("HTTP 500"));
        publish(TestArticles.article("story-8", "1", "en"));
        tick(1);
        publish(TestArticles.article("story-8", "1", "en"));
        publish(TestArticles.article("story-8", "2", "en"));
        tickUntil(() -> sender.requests.size() == 3, Duration.ofSeconds(30));
        tick(30);

        assertThat(sender.requests).extracting(sent -> sent.request().deliveryId()).containsExactlyInAnyOrder(
                "s1/urn:newsflow:article:story-8/1", "s1/urn:newsflow:article:story-8/1",
                "s1/urn:newsflow:article:story-8/2");
    }

    @Test
    void aRecordThatIsNotNinjsIsDeadLettered() {
        start(RetryPolicy.DEFAULT, subscription("s1", SubscriptionFilter.NONE));
        published.pipeInput("urn:newsflow:article:x", "not json".getBytes(StandardCharsets.UTF_8));

        TestRecord<String, byte[]> rejected = deadLetters.readRecord();
        assertThat(header(rejected, DeadLetterHeaders.ERROR)).isEqualTo("invalid-ninjs");
        assertThat(header(rejected, DeadLetterHeaders.STEP)).isEqualTo("publish.webhook");
        assertThat(rejected.value()).asString(StandardCharsets.UTF_8).isEqualTo("not json");
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "publish.webhook").counter().count())
                .isEqualTo(1.0);
    }

    private void start(RetryPolicy retry, Subscription... configured) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "webhook-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(WebhookTopology.build(TOPICS, SUBSCRIPTIONS, List.of(configured), retry,
                sender, () -> new Random(SEED), new WebhookTopology.Limits(TICK, 50, 200),
                new PipelineMeters(registry)), props, T0);
        published = driver.createInputTopic(TOPICS.published(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        registered = driver.createInputTopic(SUBSCRIPTIONS, Serdes.String().serializer(),
                JsonSerde.of(Subscription.class).serializer());
        deadLetters = driver.createOutputTopic(TOPICS.dlq(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        sender.clock = () -> T0.toEpochMilli() + elapsed;
    }

    private long elapsed;

    private void tick(int ticks) {
        for (int i = 0; i < ticks; i++) {
            elapsed += TICK.toMillis();
            driver.advanceWallClockTime(TICK);
        }
    }

    private void tickUntil(java.util.function.BooleanSupplier done, Duration limit) {
        long ticks = limit.toMillis() / TICK.toMillis();
        for (long i = 0; i < ticks && !done.getAsBoolean(); i++) {
            tick(1);
        }
        assertThat(done.getAsBoolean()).as("done within %s of mocked time", limit).isTrue();
    }

    private byte[] publish(NinjsDocument document) {
        byte[] body = JsonSerde.of(NinjsDocument.class).serialize("t", document);
        TestRecord<String, byte[]> record = new TestRecord<>(document.uri(), body);
        record.headers().add("traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        published.pipeInput(record);
        return body;
    }

    private long pendingCount() {
        long count = 0;
        try (var all = driver.<String, PendingDelivery>getKeyValueStore(WebhookTopology.DELIVERIES_STORE).all();
             var due = driver.<String, String>getKeyValueStore(WebhookTopology.DUE_STORE).all()) {
            for (; all.hasNext(); all.next()) {
                count++;
            }
            for (; due.hasNext(); due.next()) {
                count++;
            }
        }
        return count;
    }

    private static long ceilToTick(long millis) {
        long tick = TICK.toMillis();
        return (millis + tick - 1) / tick * tick;
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return HeaderText.get(record.headers(), name);
    }

    private static Subscription subscription(String id, SubscriptionFilter filter) {
        return new Subscription(id, "http://receiver.test/" + id, SECRET, filter, Subscription.CONFIG, null);
    }

    private static AttemptResult fail(String reason) {
        return new AttemptResult.Failed(reason);
    }

    /** Answers from a script, then with a default; completes at once (the dispatcher reads it on its next run). */
    static final class ScriptedSender implements WebhookSender {
        record Sent(WebhookRequest request, long at) {
        }

        final List<Sent> requests = new ArrayList<>();
        private final Deque<AttemptResult> script = new ArrayDeque<>();
        private AttemptResult otherwise = new AttemptResult.Delivered(200);
        java.util.function.LongSupplier clock = () -> 0;

        void script(AttemptResult... results) {
            script.addAll(List.of(results));
        }

        void failAlways(String reason) {
            otherwise = new AttemptResult.Failed(reason);
        }

        @Override
        public CompletionStage<AttemptResult> send(WebhookRequest request) {
            requests.add(new Sent(request, clock.getAsLong()));
            return CompletableFuture.completedFuture(script.isEmpty() ? otherwise : script.poll());
        }
    }

}
