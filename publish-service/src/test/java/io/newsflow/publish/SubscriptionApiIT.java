package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Json;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import io.newsflow.publish.webhooks.Subscription;
import io.newsflow.publish.webhooks.SubscriptionFilter;
import io.newsflow.publish.webhooks.TestReceiver;
import io.newsflow.publish.webhooks.WebhookConfig;
import io.newsflow.publish.webhooks.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions over publish-service's HTTP API, kept in Kafka across restarts, and the deliveries they get. */
@ExtendWith(KafkaBrokerExtension.class)
class SubscriptionApiIT {

    private static final String API_SECRET = "api-secret-0123456789";
    private static final String CONFIG_SECRET = "config-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registersListsAndDeletesSubscriptionsThatSurviveARestartAndGetArticles(TestKafka kafka) throws Exception {
        String run = "subs-it-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = PipelineSettings.forRun(kafka.bootstrapServers(), run, 2, tmp);
        TopicAdmin.ensureTopics(settings, run + "-admin");
        try (TestReceiver receiver = new TestReceiver(Duration.ofSeconds(1))) {
            WebhookConfig webhooks = WebhookConfig.defaults().withSubscriptionsTopic(run + ".news.subscriptions")
                    .withConfigured(List.of(new Subscription("ops", receiver.url("/ops"), CONFIG_SECRET,
                            new SubscriptionFilter("xx", null, null, null, null), Subscription.CONFIG, null)));
            PublishConfig config = new PublishConfig(settings, "127.0.0.1", 0, webhooks);
            String id;
            try (PublishService service = new PublishService(config)) {
                service.start();
                String base = "http://127.0.0.1:" + service.httpPort();
                await().atMost(WAIT).until(() -> get(base + "/v1/subscriptions").statusCode() == 200);

                // Invalid requests are problem documents naming the field
                assertProblem(post(base, "{\"url\":\"/relative\",\"secret\":\"" + API_SECRET + "\"}"), 400,
                        "field 'url' must be an absolute http or https URL, got '/relative'");
                assertProblem(post(base, "{\"url\":\"ftp://example.com/x\",\"secret\":\"" + API_SECRET + "\"}"), 400,
                        "field 'url' must be an absolute http or https URL, got 'ftp://example.com/x'");
                assertProblem(post(base, "{\"url\":\"http://example.com/x\",\"secret\":\"too-short\"}"), 400,
                        "field 'secret' must be 16 to 1024 characters long, got 9");
                assertProblem(post(base, "{\"url\":\"http://example.com/x\"}"), 400,
                        "field 'secret' is required: at least 16 characters, the key each delivery is signed with "
                                + "(HMAC-SHA256)");
                assertProblem(post(base, "{\"url\":\"http://example.com/x\",\"secret\":\"" + API_SECRET
                        + "\",\"filter\":{\"country\":\"fr\"}}"), 400,
                        "field 'filter.country' is not known: a filter has language, subject, person, organisation, "
                                + "place");
                HttpResponse<String> malformed = post(base, "{\"url\":");
                assertThat(malformed.statusCode()).isEqualTo(400);
                assertThat(body(malformed).get("type").asText()).isEqualTo("urn:newsflow:problem:malformed-json");

                // A valid one is registered: 201, Location, no secret in the answer
                HttpResponse<String> created = post(base, "{\"url\":\"" + receiver.url("/api") + "\",\"secret\":\""
                        + API_SECRET + "\",\"filter\":{\"language\":\"und\"}}");
                assertThat(created.statusCode()).isEqualTo(201);
                JsonNode subscription = body(created);
                id = subscription.get("id").asText();
                assertThat(created.headers().firstValue("Location")).hasValue("/v1/subscriptions/" + id);
                assertThat(subscription.get("url").asText()).isEqualTo(receiver.url("/api"));
                assertThat(subscription.get("filter").get("language").asText()).isEqualTo("und");
                assertThat(created.body()).doesNotContain(API_SECRET).doesNotContain("secret");

                // Listed at once, with the configured one, never with secrets
                HttpResponse<String> list = get(base + "/v1/subscriptions");
                assertThat(body(list).findValuesAsText("id")).containsExactly("ops", id);
                assertThat(body(list).findValuesAsText("origin")).containsExactly("config", "api");
                assertThat(list.body()).doesNotContain(API_SECRET).doesNotContain(CONFIG_SECRET)
                        .doesNotContain("secret");
                assertThat(get(base + "/v1/subscriptions/" + id).statusCode()).isEqualTo(200);

                // An article published now is pushed to it, signed with its secret
                Topics topics = Topics.of(settings.topics());
                EnrichedArticle article = EnrichedArticle.basic("pushed", "test",
                        Instant.parse("2026-11-24T09:00:00Z"), "Pushed", List.of("Pushed to subscribers."), "h-1");
                new TopicProbe(kafka).send(new ProducerRecord<>(topics.enriched().name(), "pushed",
                        topics.enriched().valueSerde().serializer().serialize("t", article)));
                await().atMost(WAIT).until(() -> !receiver.received("/api").isEmpty());
                TestReceiver.Received delivery = receiver.received("/api").get(0);
                assertThat(delivery.header("X-Newsflow-Signature"))
                        .isEqualTo(WebhookSignature.sign(API_SECRET, delivery.body()));
                assertThat(delivery.header("X-Newsflow-Delivery")).isEqualTo(id + "/urn:newsflow:article:pushed/1");
                assertThat(Json.mapper().readTree(delivery.body()).get("uri").asText())
                        .isEqualTo("urn:newsflow:article:pushed");
                assertThat(receiver.received("/ops")).isEmpty(); // its filter does not match
            }

            // After a restart the registered subscription is still there (it lives in the compacted topic)
            try (PublishService service = new PublishService(config)) {
                service.start();
                String base = "http://127.0.0.1:" + service.httpPort();
                await().atMost(WAIT).until(() -> get(base + "/v1/subscriptions").statusCode() == 200);
                assertThat(body(get(base + "/v1/subscriptions")).findValuesAsText("id")).containsExactly("ops", id);

                // Deleting: configured ones only in the configuration, registered ones once
                assertProblem(delete(base + "/v1/subscriptions/ops"), 409,
                        "subscription 'ops' comes from the configuration (NEWSFLOW_WEBHOOKS or NEWSFLOW_WEBHOOKS_FILE);"
                                + " remove it there");
                assertThat(delete(base + "/v1/subscriptions/" + id).statusCode()).isEqualTo(204);
                assertThat(body(get(base + "/v1/subscriptions")).findValuesAsText("id")).containsExactly("ops");
                assertProblem(delete(base + "/v1/subscriptions/" + id), 404,
                        "no subscription has id '" + id + "'");
                assertThat(get(base + "/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
            }
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("detail").asText()).isEqualTo(detail);
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private HttpResponse<String> post(String base, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
