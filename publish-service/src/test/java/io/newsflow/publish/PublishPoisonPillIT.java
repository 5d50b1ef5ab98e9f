package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.PoisonPill;
import io.newsflow.kafka.test.PoisonPillRun;
import io.newsflow.kafka.test.PoisonPillRun.Refusal;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import io.newsflow.publish.webhooks.Subscription;
import io.newsflow.publish.webhooks.SubscriptionFilter;
import io.newsflow.publish.webhooks.TestReceiver;
import io.newsflow.publish.webhooks.WebhookConfig;
import io.newsflow.publish.webhooks.WebhookService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link PoisonPill} on every topic publish-service reads, between good records, on a real broker: news.enriched
 * (the publish topology), news.published and the subscriptions topic (the webhook app).
 */
@ExtendWith(KafkaBrokerExtension.class)
class PublishPoisonPillIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");
    private static final String SERIALIZATION = "org.apache.kafka.common.errors.SerializationException";
    private static final String SECRET = "it-secret-0123456789";

    private static final Map<PoisonPill, Refusal> ENRICHED = new EnumMap<>(Map.of(
            PoisonPill.NON_UTF8, new Refusal(SERIALIZATION, "publish.read", "Invalid UTF-8 middle byte 0x22"),
            PoisonPill.TRUNCATED_JSON, new Refusal(SERIALIZATION, "publish.read",
                    "Unexpected end-of-input in VALUE_STRING"),
            PoisonPill.DEEP_NESTING, new Refusal(SERIALIZATION, "publish.read",
                    "Document nesting depth (33) exceeds the maximum allowed (32"),
            PoisonPill.OVERSIZED, new Refusal(SERIALIZATION, "publish.read",
                    "is 26214400 bytes, over the 16777216-byte limit of newsflow records; not read as EnrichedArticle"),
            PoisonPill.WRONG_SHAPE, new Refusal(SERIALIZATION, "publish.read", "is not a valid EnrichedArticle"),
            PoisonPill.NULL_VALUE, new Refusal("null-value", "publish.read",
                    "the record has no value (a tombstone); expected an article")));

    private static final String NOT_NINJS = "not delivered to webhooks: the record is not a ninjs document: ";

    /** What refused each pill on news.published, named {@code topic} in this test. */
    private static Map<PoisonPill, Refusal> published(String topic) {
        return new EnumMap<>(Map.of(
                PoisonPill.NON_UTF8, new Refusal("invalid-ninjs", "publish.webhook", NOT_NINJS + "value on topic "
                        + topic + " is not a valid NinjsDocument: Invalid UTF-8 middle byte 0x22"),
                PoisonPill.TRUNCATED_JSON, new Refusal("invalid-ninjs", "publish.webhook", NOT_NINJS
                        + "value on topic " + topic + " is not a valid NinjsDocument: Unexpected end-of-input"),
                PoisonPill.DEEP_NESTING, new Refusal("invalid-ninjs", "publish.webhook", NOT_NINJS
                        + "value on topic " + topic + " is not a valid NinjsDocument: Document nesting depth (33)"),
                PoisonPill.OVERSIZED, new Refusal("invalid-ninjs", "publish.webhook", NOT_NINJS + "value on topic "
                        + topic + " is 26214400 bytes, over the 16777216-byte limit of newsflow records"),
                PoisonPill.WRONG_SHAPE, new Refusal("invalid-ninjs", "publish.webhook",
                        NOT_NINJS + "it has no uri or no version"),
                PoisonPill.NULL_VALUE, new Refusal("null-value", "publish.webhook",
                        "not delivered to webhooks: the record has no value (a tombstone); expected a ninjs document")));
    }

    @TempDir
    Path tmp;

    private final TestReceiver receiver = new TestReceiver(Duration.ofSeconds(3));

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void deadLettersEveryPillOnEnrichedWholeWithItsPositionAndPublishesEveryArticleAroundIt(TestKafka kafka) {
        // Given publish-service on topics of its own, one partition, so that records keep the order they were sent in
        PipelineSettings settings = IsolatedPublishService.settings(kafka, tmp, "publish-pills", 1);
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        PublishConfig config = new PublishConfig(settings, "127.0.0.1", 0,
                WebhookConfig.defaults().withSubscriptionsTopic(settings.applicationIdPrefix() + ".news.subscriptions"));
        try (PublishService service = new PublishService(config)) {
            service.start();

            // When news.enriched gets a good article, then each pill followed by another good article
            PoisonPillRun pills = PoisonPillRun.send(probe, topics.enriched().name(), id -> enriched(topics, id));

            // Then every good article is published, in the order sent
            assertThat(probe.read(topics.published().name(), pills.goodIds().size(), TIMEOUT, SETTLE))
                    .extracting(ConsumerRecord::key)
                    .containsExactlyElementsOf(pills.goodIds().stream().map(ArticleIds::uri).toList());

            // And every pill is on news.dlq, once, as it was sent, saying where it was read and why it was refused
            pills.assertDeadLettered(probe.read(topics.dlq().name(), PoisonPill.all().size(), TIMEOUT, SETTLE),
                    ENRICHED);

            // And both apps never stopped: running, no stream thread failed on the way
            PoisonPillRun.assertRunning(service.streams());
            PoisonPillRun.assertRunning(service.webhooks().streams());
        }
    }

    @Test
    void theWebhookAppDeadLettersPillsOnPublishedAndSkipsPillsOnSubscriptionsAlsoAfterARestart(TestKafka kafka) {
        // Given the webhook app on topics of its own, with a configured subscriber
        PipelineSettings settings = IsolatedPublishService.settings(kafka, tmp, "hooks-pills", 1);
        Topics topics = Topics.of(settings.topics());
        String subscriptions = settings.applicationIdPrefix() + ".news.subscriptions";
        WebhookConfig config = WebhookConfig.defaults().withSubscriptionsTopic(subscriptions)
                .withConfigured(List.of(subscription("configured", Subscription.CONFIG)))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
        TopicProbe probe = new TopicProbe(kafka);
        try (WebhookService service = new WebhookService(settings, config)) {
            service.start();

            // When the subscriptions topic gets a good subscription, every pill and another good subscription
            sendSubscription(probe, subscriptions, "before");
            for (PoisonPill pill : PoisonPill.all()) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(subscriptions, pill.key(), pill.value());
                if (pill == PoisonPill.OVERSIZED) {
                    // the subscriptions topic takes nothing near that size: the producer is told, nothing is stored
                    assertThatThrownBy(() -> probe.send(record)).hasCauseInstanceOf(RecordTooLargeException.class);
                } else {
                    probe.send(record);
                }
            }
            sendSubscription(probe, subscriptions, "after");
            await().atMost(TIMEOUT).ignoreExceptions().until(() -> service.subscriptions().find("after").isPresent());

            // And news.published gets a good article, then each pill followed by another good article
            PoisonPillRun pills = PoisonPillRun.send(probe, topics.published().name(), id -> published(topics, id));

            // Then every subscriber gets every good article, once
            for (String path : List.of("/configured", "/before", "/after")) {
                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(receiver.received(path))
                        .extracting(request -> request.header("X-Newsflow-Delivery"))
                        .containsExactlyInAnyOrderElementsOf(pills.goodIds().stream()
                                .map(id -> path.substring(1) + "/" + ArticleIds.uri(id) + "/1").toList()));
            }
            assertThat(service.subscriptions().all()).extracting(Subscription::id)
                    .containsExactly("configured", "after", "before");

            // And every pill on news.published is on news.dlq, once, as it was sent; none of the subscription pills is
            pills.assertDeadLettered(probe.read(topics.dlq().name(), PoisonPill.all().size(), TIMEOUT, SETTLE),
                    published(topics.published().name()));
            PoisonPillRun.assertRunning(service.streams());
        }

        // When the app starts again, on empty local state: its global store reads the subscriptions, pills and all
        try (WebhookService again = new WebhookService(settings.withStateDir(tmp.resolve("again")), config)) {
            again.start();

            // Then it runs, with the good subscriptions, and has dead-lettered nothing more
            await().atMost(TIMEOUT).until(() -> again.streams().state() == KafkaStreams.State.RUNNING);
            assertThat(again.subscriptions().all()).extracting(Subscription::id)
                    .containsExactly("configured", "after", "before");
            assertThat(probe.read(topics.dlq().name(), PoisonPill.all().size() + 1, SETTLE, SETTLE))
                    .hasSize(PoisonPill.all().size());
            PoisonPillRun.assertRunning(again.streams());
        }
    }

    private static ProducerRecord<String, byte[]> enriched(Topics topics, String id) {
        EnrichedArticle article = EnrichedArticle.basic(id, "test", AT, "Headline " + id,
                List.of("Body of article " + id + "."), "hash-" + id);
        return new ProducerRecord<>(topics.enriched().name(), id,
                topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), article));
    }

    private static ProducerRecord<String, byte[]> published(Topics topics, String id) {
        NinjsDocument document = NinjsDocument.basic(ArticleIds.uri(id), "1", "en",
                List.of(new NinjsDocument.Headline("main", "text/plain", "Headline " + id)),
                List.of(new NinjsDocument.Body("main", "text/plain", "Body of article " + id + ".", 4, 20)),
                AT.toString(), AT.toString());
        return new ProducerRecord<>(topics.published().name(), document.uri(),
                topics.published().valueSerde().serializer().serialize(topics.published().name(), document));
    }

    private void sendSubscription(TopicProbe probe, String topic, String id) {
        probe.send(new ProducerRecord<>(topic, id,
                JsonSerde.of(Subscription.class).serialize(topic, subscription(id, Subscription.API))));
    }

    private Subscription subscription(String id, String origin) {
        return new Subscription(id, receiver.url("/" + id), SECRET, SubscriptionFilter.NONE, origin,
                Subscription.API.equals(origin) ? AT : null);
    }
}
