package io.newsflow.publish.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import io.newsflow.publish.webhooks.TestReceiver.Answer;
import io.newsflow.publish.webhooks.TestReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The webhook app on a real broker, delivering to a real HTTP receiver on loopback. */
@ExtendWith(KafkaBrokerExtension.class)
class WebhookDeliveryIT {

    private static final String SECRET = "it-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private final TestReceiver receiver = new TestReceiver(Duration.ofSeconds(3));
    private PipelineSettings settings;
    private WebhookConfig config;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSubscriberGetsACorrectlySignedPostWithTheDeliveryHeaders(TestKafka kafka) throws Exception {
        setUp(kafka, subscription("s1", "/hook", SubscriptionFilter.NONE));
        try (WebhookService service = started()) {
            byte[] body = publish(kafka, TestArticles.article("signed", "1", "en"));

            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());

            Received request = receiver.received().get(0);
            assertThat(request.path()).isEqualTo("/hook");
            assertThat(request.body()).isEqualTo(body);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-Newsflow-Signature")).isEqualTo("sha256=" + hmacSha256Hex(SECRET, body));
            // As a Standard Webhooks receiver checks it: a signature over id, time and body, and a recent time.
            String id = request.header("webhook-id");
            long sentAt = Long.parseLong(request.header("webhook-timestamp"));
            assertThat(id).isEqualTo("s1/urn:newsflow:article:signed/1");
            assertThat(Math.abs(Instant.now().getEpochSecond() - sentAt)).isLessThanOrEqualTo(300);
            assertThat(request.header("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(
                    hmacSha256(SECRET, (id + "." + sentAt + ".").getBytes(StandardCharsets.UTF_8), body)));
            assertThat(request.header("X-Newsflow-Delivery")).isEqualTo("s1/urn:newsflow:article:signed/1");
            assertThat(request.header("X-Newsflow-Event")).isEqualTo("article.published");
            Thread.sleep(1_000);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aReceiverThatFailsTwiceThenTimesOutThenAnswersGetsTheArticleWithOneDeliveryId(TestKafka kafka)
            throws Exception {
        setUp(kafka, subscription("s1", "/flaky", SubscriptionFilter.NONE));
        receiver.script(Answer.FAIL, Answer.FAIL, Answer.HANG, Answer.OK);
        try (WebhookService service = started()) {
            byte[] body = publish(kafka, TestArticles.article("flaky", "3", "en"));

            await().atMost(WAIT).until(() -> receiver.received().size() >= 4);
            Thread.sleep(2_000); // nothing more comes once delivered

            List<Received> attempts = receiver.received();
            assertThat(attempts).extracting(Received::answer)
                    .containsExactly(Answer.FAIL, Answer.FAIL, Answer.HANG, Answer.OK);
            assertThat(attempts).extracting(request -> request.header("X-Newsflow-Delivery"))
                    .containsOnly("s1/urn:newsflow:article:flaky/3");
            assertThat(attempts).extracting(request -> request.header("X-Newsflow-Attempt"))
                    .containsExactly("1", "2", "3", "4");
            assertThat(attempts).allSatisfy(request -> assertThat(request.body()).isEqualTo(body));
            assertThat(deadLetters(kafka, 0, Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aDeliveryStillFailingAtTheMaximumAgeIsParkedWithItsBody(TestKafka kafka) throws Exception {
        setUp(kafka, subscription("s1", "/down", SubscriptionFilter.NONE));
        config = config.withRetry(new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(3)));
        receiver.answerOtherwise(Answer.FAIL);
        try (WebhookService service = started()) {
            byte[] body = publish(kafka, TestArticles.article("unlucky", "1", "en"));

            List<ConsumerRecord<String, byte[]>> parked = deadLetters(kafka, 1, WAIT);

            assertThat(parked).hasSize(1);
            ConsumerRecord<String, byte[]> record = parked.get(0);
            int attempts = receiver.received().size();
            assertThat(attempts).isGreaterThanOrEqualTo(2);
            assertThat(record.key()).isEqualTo("urn:newsflow:article:unlucky");
            assertThat(record.value()).isEqualTo(body);
            assertThat(header(record, DeadLetterHeaders.STEP)).isEqualTo("publish.webhook");
            assertThat(header(record, DeadLetterHeaders.ERROR)).isEqualTo("webhook-undeliverable");
            assertThat(header(record, DeadLetterHeaders.MESSAGE)).contains("subscription 's1'")
                    .contains("after " + attempts + " attempt(s)").endsWith("last: HTTP 500");
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(settings.topics().published());
            assertThat(header(record, DeadLetterHeaders.ARTICLE_ID)).isEqualTo("unlucky");
            assertThat(header(record, "newsflow.webhook.delivery")).isEqualTo("s1/urn:newsflow:article:unlucky/1");
            Thread.sleep(1_000);
            assertThat(receiver.received()).hasSize(attempts);
        }
    }

    @Test
    void aPendingDeliverySurvivesARestartOfTheWebhookApp(TestKafka kafka) throws Exception {
        setUp(kafka, subscription("s1", "/later", SubscriptionFilter.NONE));
        config = config.withRetry(new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofMinutes(10)));
        receiver.answerOtherwise(Answer.FAIL);
        byte[] body;
        try (WebhookService first = started()) {
            body = publish(kafka, TestArticles.article("patient", "1", "en"));
            await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
        }
        receiver.answerOtherwise(Answer.OK);

        // A new instance of the same application, on empty local state: the pending delivery comes back from the
        // changelog (news.published's offset was committed with it, so it is not read again).
        settings = settings.withStateDir(tmp.resolve("elsewhere"));
        try (WebhookService second = started()) {
            await().atMost(WAIT).until(() -> receiver.received().stream().anyMatch(r -> r.answer() == Answer.OK));

            List<Received> all = receiver.received();
            assertThat(all).extracting(request -> request.header("X-Newsflow-Delivery"))
                    .containsOnly("s1/urn:newsflow:article:patient/1");
            assertThat(all).allSatisfy(request -> assertThat(request.body()).isEqualTo(body));
            assertThat(deadLetters(kafka, 0, Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aFilterExcludesAnArticleThatDoesNotMatch(TestKafka kafka) throws Exception {
        setUp(kafka, subscription("french", "/fr", new SubscriptionFilter("fr", null, null, null, null)),
                subscription("english", "/en", new SubscriptionFilter("en", null, null, null, null)));
        try (WebhookService service = started()) {
            publish(kafka, TestArticles.article("filtered", "1", "en"));

            await().atMost(WAIT).until(() -> !receiver.received("/en").isEmpty());
            Thread.sleep(1_500);

            assertThat(receiver.received("/fr")).isEmpty();
            assertThat(receiver.received("/en")).hasSize(1);
        }
    }

    @Test
    void aFirstStartDeliversTheLastHourOfArticlesNotTheWholeHistory(TestKafka kafka) throws Exception {
        setUp(kafka, subscription("s1", "/hook", SubscriptionFilter.NONE));
        Instant now = Instant.now();
        publish(kafka, TestArticles.article("last-week", "1", "en"), now.minus(Duration.ofDays(7)));
        publish(kafka, TestArticles.article("two-hours-ago", "1", "en"), now.minus(Duration.ofHours(2)));
        byte[] recent = publish(kafka, TestArticles.article("minutes-ago", "1", "en"), now.minus(Duration.ofMinutes(5)));

        try (WebhookService service = started()) {
            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            byte[] later = publish(kafka, TestArticles.article("after-start", "1", "en"));
            await().atMost(WAIT).until(() -> receiver.received().stream().anyMatch(r -> Arrays.equals(r.body(), later)));

            // Every record before "after-start" was read by the first poll, long before it was published.
            assertThat(receiver.received()).extracting(request -> request.header("webhook-id"))
                    .containsExactlyInAnyOrder("s1/urn:newsflow:article:minutes-ago/1",
                            "s1/urn:newsflow:article:after-start/1");
            assertThat(receiver.received().get(0).body()).isEqualTo(recent);
        }
    }

    private void setUp(TestKafka kafka, Subscription... configured) {
        String run = "hooks-it-" + UUID.randomUUID().toString().substring(0, 8);
        settings = new PipelineSettings(KafkaSettings.of(kafka.bootstrapServers()), TopicNames.prefixed(run + "."),
                2, Optional.empty(), Optional.empty(), run, tmp.resolve("state"), PipelineSettings.EXACTLY_ONCE);
        TopicAdmin.ensureTopics(settings, run + "-admin");
        config = WebhookConfig.defaults()
                .withSubscriptionsTopic(run + ".news.subscriptions")
                .withConfigured(List.of(configured))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500))
                .withRetry(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(1)));
    }

    private WebhookService started() {
        WebhookService service = new WebhookService(settings, config);
        service.start();
        return service;
    }

    private Subscription subscription(String id, String path, SubscriptionFilter filter) {
        return new Subscription(id, receiver.url(path), SECRET, filter, Subscription.CONFIG, null);
    }

    private byte[] publish(TestKafka kafka, NinjsDocument document) {
        return publish(kafka, document, Instant.now());
    }

    /** @param at the record's timestamp: when the article reached newsflow, as publish's records carry it */
    private byte[] publish(TestKafka kafka, NinjsDocument document, Instant at) {
        byte[] body = JsonSerde.of(NinjsDocument.class).serialize("t", document);
        new TopicProbe(kafka).send(new ProducerRecord<>(settings.topics().published(), null, at.toEpochMilli(),
                document.uri(), body));
        return body;
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(TestKafka kafka, int expected, Duration timeout) {
        return new TopicProbe(kafka).read(settings.topics().dlq(), expected, timeout, Duration.ofMillis(500));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return HeaderText.get(record.headers(), name);
    }

    /** Computed here, independently of {@link WebhookSignature}. */
    static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        return HexFormat.of().formatHex(hmacSha256(secret, new byte[0], body));
    }

    private static byte[] hmacSha256(String secret, byte[] prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix);
        return mac.doFinal(body);
    }
}
