package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.streams.StreamsService;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.PoisonPill;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import io.newsflow.publish.webhooks.Subscription;
import io.newsflow.publish.webhooks.SubscriptionFilter;
import io.newsflow.publish.webhooks.TestReceiver;
import io.newsflow.publish.webhooks.TestReceiver.Received;
import io.newsflow.publish.webhooks.WebhookConfig;
import io.newsflow.publish.webhooks.WebhookService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** What refused a pill: the error, the step and a part of the reason. */
    private record Refusal(String error, String step, String reason) {
    }

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
    private static final Map<PoisonPill, Refusal> PUBLISHED = new EnumMap<>(Map.of(
            PoisonPill.NON_UTF8, new Refusal("invalid-ninjs", "publish.webhook",
                    NOT_NINJS + "value on topic %s is not a valid NinjsDocument: Invalid UTF-8 middle byte 0x22"),
            PoisonPill.TRUNCATED_JSON, new Refusal("invalid-ninjs", "publish.webhook",
                    NOT_NINJS + "value on topic %s is not a valid NinjsDocument: Unexpected end-of-input"),
            PoisonPill.DEEP_NESTING, new Refusal("invalid-ninjs", "publish.webhook",
                    NOT_NINJS + "value on topic %s is not a valid NinjsDocument: Document nesting depth (33)"),
            PoisonPill.OVERSIZED, new Refusal("invalid-ninjs", "publish.webhook", NOT_NINJS
                    + "value on topic %s is 26214400 bytes, over the 16777216-byte limit of newsflow records"),
            PoisonPill.WRONG_SHAPE, new Refusal("invalid-ninjs", "publish.webhook",
                    NOT_NINJS + "it has no uri or no version"),
            PoisonPill.NULL_VALUE, new Refusal("null-value", "publish.webhook",
                    "not delivered to webhooks: the record has no value (a tombstone); expected a ninjs document")));

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
            List<String> good = new ArrayList<>();
            Map<PoisonPill, Long> offsets = new EnumMap<>(PoisonPill.class);
            good.add(sendEnriched(probe, topics, 0));
            for (PoisonPill pill : PoisonPill.all()) {
                offsets.put(pill, probe.send(new ProducerRecord<>(topics.enriched().name(), pill.key(),
                        pill.value())).offset());
                good.add(sendEnriched(probe, topics, good.size()));
            }

            // Then every good article is published, in the order sent
            assertThat(probe.read(topics.published().name(), good.size(), TIMEOUT, SETTLE))
                    .extracting(ConsumerRecord::key)
                    .containsExactlyElementsOf(good.stream().map(ArticleIds::uri).toList());

            // And every pill is on news.dlq, once, as it was sent, saying where it was read and why it was refused
            assertDeadLetters(probe.read(topics.dlq().name(), PoisonPill.all().size(), TIMEOUT, SETTLE),
                    topics.enriched().name(), offsets, ENRICHED);

            // And both apps never stopped: running, no stream thread failed on the way
            assertRunning(service.streams());
            assertRunning(service.webhooks().streams());
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
        List<String> good = new ArrayList<>();
        Map<PoisonPill, Long> offsets = new EnumMap<>(PoisonPill.class);
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
            good.add(sendPublished(probe, topics, 0));
            for (PoisonPill pill : PoisonPill.all()) {
                offsets.put(pill, probe.send(new ProducerRecord<>(topics.published().name(), pill.key(),
                        pill.value())).offset());
                good.add(sendPublished(probe, topics, good.size()));
            }

            // Then every subscriber gets every good article, once
            for (String path : List.of("/configured", "/before", "/after")) {
                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(receiver.received(path))
                        .extracting(request -> request.header("X-Newsflow-Delivery"))
                        .containsExactlyInAnyOrderElementsOf(good.stream()
                                .map(id -> path.substring(1) + "/" + ArticleIds.uri(id) + "/1").toList()));
            }
            assertThat(service.subscriptions().all()).extracting(Subscription::id)
                    .containsExactly("configured", "after", "before");

            // And every pill on news.published is on news.dlq, once, as it was sent; none of the subscription pills is
            assertDeadLetters(probe.read(topics.dlq().name(), PoisonPill.all().size(), TIMEOUT, SETTLE),
                    topics.published().name(), offsets, PUBLISHED);
            assertRunning(service.streams());
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
            assertRunning(again.streams());
        }
    }

    private static void assertDeadLetters(List<ConsumerRecord<String, byte[]>> dead, String topic,
                                          Map<PoisonPill, Long> offsets, Map<PoisonPill, Refusal> expected) {
        assertThat(dead).extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(PoisonPill.all().stream().map(PoisonPill::key).toList());
        for (int i = 0; i < dead.size(); i++) {
            PoisonPill pill = PoisonPill.all().get(i);
            ConsumerRecord<String, byte[]> letter = dead.get(i);
            assertThat(pill.isValue(letter.value())).as("%s is dead-lettered whole", pill).isTrue();
            assertThat(List.of(header(letter, DeadLetterHeaders.SOURCE_TOPIC),
                    header(letter, DeadLetterHeaders.SOURCE_PARTITION),
                    header(letter, DeadLetterHeaders.SOURCE_OFFSET),
                    header(letter, DeadLetterHeaders.ERROR),
                    header(letter, DeadLetterHeaders.STEP)))
                    .as("where %s was read and what refused it", pill)
                    .containsExactly(topic, "0", Long.toString(offsets.get(pill)), expected.get(pill).error(),
                            expected.get(pill).step());
            assertThat(header(letter, DeadLetterHeaders.MESSAGE)).as("why %s was refused", pill)
                    .contains(expected.get(pill).reason().formatted(topic));
        }
    }

    private static void assertRunning(StreamsService streams) {
        assertThat(List.of(streams.state(), streams.failedThreads())).containsExactly(KafkaStreams.State.RUNNING, 0);
    }

    private static String sendEnriched(TopicProbe probe, Topics topics, int number) {
        String id = "good-" + number;
        EnrichedArticle article = EnrichedArticle.basic(id, "test", AT, "Headline " + number,
                List.of("Body of article " + number + "."), "hash-" + number);
        probe.send(new ProducerRecord<>(topics.enriched().name(), id,
                topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), article)));
        return id;
    }

    private static String sendPublished(TopicProbe probe, Topics topics, int number) {
        String id = "good-" + number;
        NinjsDocument document = NinjsDocument.basic(ArticleIds.uri(id), "1", "en",
                List.of(new NinjsDocument.Headline("main", "text/plain", "Headline " + number)),
                List.of(new NinjsDocument.Body("main", "text/plain", "Body of article " + number + ".", 4, 20)),
                AT.toString(), AT.toString());
        probe.send(new ProducerRecord<>(topics.published().name(), document.uri(),
                topics.published().valueSerde().serializer().serialize(topics.published().name(), document)));
        return id;
    }

    private void sendSubscription(TopicProbe probe, String topic, String id) {
        probe.send(new ProducerRecord<>(topic, id,
                JsonSerde.of(Subscription.class).serialize(topic, subscription(id, Subscription.API))));
    }

    private Subscription subscription(String id, String origin) {
        return new Subscription(id, receiver.url("/" + id), SECRET, SubscriptionFilter.NONE, origin,
                Subscription.API.equals(origin) ? AT : null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return HeaderText.get(record.headers(), name);
    }
}
