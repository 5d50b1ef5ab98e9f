package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest API over real HTTP against running services: every documented route and status is exercised here, and
 * the last test checks that what was exercised is exactly what {@code /openapi.json} documents.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class IngestHttpIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final String ARTICLE = "Harbour reopens after storm\nThe harbour reopened on Monday after a "
            + "three-day closure, the port authority said.";

    private Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();
    /** (method, documented path, status) of every answer seen. */
    private final Set<String> exercised = new HashSet<>();
    private PipelineSettings settings;
    private IngestService open;
    private IngestService keyed;
    private IngestService brokerless;

    @BeforeAll
    void startServices(TestKafka kafka, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        settings = IngestTestSettings.pipeline(kafka, tmp.resolve("state"));
        open = new IngestService(IngestTestSettings.ingest(settings, Map.of(), 10_000));
        open.start();
        keyed = new IngestService(IngestTestSettings.ingest(settings.withStateDir(tmp.resolve("keyed")),
                Map.of("key-a", "desk-a"), 2));
        keyed.start();
        // A broker that is not there: port 1 on loopback refuses every connection.
        PipelineSettings nowhere = settings.withKafka(KafkaSettings.of("127.0.0.1:1"))
                .withStateDir(tmp.resolve("brokerless"));
        // Told the layout: asking an absent broker for it would wait out the admin client's time-out.
        brokerless = new IngestService(IngestTestSettings.ingest(nowhere, Map.of(), 10_000), false);
        brokerless.start();
        awaitReady(open);
        awaitReady(keyed);
    }

    @AfterAll
    void stopServices() {
        for (IngestService service : java.util.Arrays.asList(open, keyed, brokerless)) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Test
    void acceptsTextHtmlAndJsonAfterTheBrokerAcknowledged(TestKafka kafka) throws Exception {
        HttpResponse<String> text = post(open, "/v1/articles", "text/plain", ARTICLE, Map.of());
        assertThat(text.statusCode()).isEqualTo(202);
        JsonNode body = Json.mapper().readTree(text.body());
        String id = body.get("id").asText();
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(text.headers().firstValue("Location")).hasValue("/v1/articles/" + id);

        assertThat(post(open, "/v1/articles", "text/html; charset=utf-8",
                "<h1>Harbour reopens</h1><p>The harbour reopened on Monday.</p>", Map.of()).statusCode())
                .isEqualTo(202);
        HttpResponse<String> json = post(open, "/v1/articles", "application/json", """
                {"title": "Harbour reopens", "body": "The harbour reopened on Monday.", "desk": "local"}""",
                Map.of());
        assertThat(json.statusCode()).isEqualTo(202);

        // An envelope or header whose identity is blank is no identity: each such article gets its own UUIDv7
        String uuid7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        assertThat(idOf(post(open, "/v1/articles", "application/json", "{\"id\": \" \", \"body\": \"One.\"}",
                Map.of()))).matches(uuid7);
        assertThat(idOf(post(open, "/v1/articles", "Application/JSON", "{\"idempotencyKey\": \"\", \"body\": \"Two.\"}",
                Map.of("Idempotency-Key", " ")))).matches(uuid7);

        HttpResponse<String> status = get(open, "/v1/articles/" + id, "/v1/articles/{id}");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(status.body()).get("status").asText()).isIn("accepted", "enriched",
                "published");

        // What was acknowledged is on news.raw, with the sender's UUIDv7 id
        List<ConsumerRecord<String, byte[]>> raw = new TopicProbe(kafka).read(settings.topics().raw(), 3, TIMEOUT,
                SETTLE);
        assertThat(raw).extracting(ConsumerRecord::key).contains(id);
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void eitherInstanceOfTheAppAnswersForEveryArticleTheOtherAccepted() throws Exception {
        // Ids spread over news.raw's partitions, whose status tasks the two instances share: each answers for the
        // other's from its standby copy.
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> accepted = post(open, "/v1/articles", "application/json",
                    "{\"title\":\"Status " + i + "\",\"body\":\"The status of article " + i + ".\"}", Map.of());
            assertThat(accepted.statusCode()).isEqualTo(202);
            ids.add(Json.mapper().readTree(accepted.body()).get("id").asText());
        }
        for (String id : ids) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                HttpResponse<String> status = get(keyed, "/v1/articles/" + id, "/v1/articles/{id}");
                assertThat(status.statusCode()).isEqualTo(200);
                assertThat(Json.mapper().readTree(status.body()).get("status").asText()).isEqualTo("accepted");
            });
        }
    }

    @Test
    void answersEachBadRequestWithAProblemThatSaysWhatIsWrong() throws Exception {
        assertProblem(post(open, "/v1/articles", "application/json", "{\"body\": ", Map.of()), 400,
                "the JSON envelope cannot be parsed");
        assertProblem(post(open, "/v1/articles", "application/json", "{\"title\": \"T\"}", Map.of()), 400,
                "field 'body' is required");
        assertProblem(post(open, "/v1/articles", "application/json", "{\"body\": \"B\", \"url\": \"ftp:x\"}",
                Map.of()), 400, "field 'url' must be an absolute http or https URL");
        assertProblem(post(open, "/v1/articles", "text/plain", "   \n ", Map.of()), 400, "the article is empty");
        assertProblem(send(open, "/v1/articles", "POST", "text/plain",
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {'a', (byte) 0xC3, (byte) 0x28}), Map.of(),
                "/v1/articles"), 400, "not valid UTF-8");
        assertProblem(post(open, "/v1/articles", "text/plain", "x".repeat(2048), Map.of()), 413,
                "over the limit of 1024 bytes");
        assertProblem(post(open, "/v1/articles", "application/xml", "<a/>", Map.of()), 415,
                "send text/plain, text/html, application/json");
        assertProblem(post(open, "/v1/articles", "text/plain; charset=iso-8859-1", ARTICLE, Map.of()), 415,
                "send UTF-8");
        assertProblem(get(open, "/v1/articles/no-such-article", "/v1/articles/{id}"), 404,
                "no article with id 'no-such-article'");
        assertProblem(get(open, "/v1/articles/bad%20id", "/v1/articles/{id}"), 400, "is not an article id");
    }

    @Test
    void givesARetryTheSameIdAndWritesItOnceAlsoAcrossARestart(TestKafka kafka) throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "harbour-2026-11-24");
        String first = idOf(post(open, "/v1/articles", "text/plain", ARTICLE, key));
        String again = idOf(post(open, "/v1/articles", "text/plain", ARTICLE, key));

        // A new ingest instance on the same state and topics (what a restart is) still knows the key
        Path restartedState = tmp.resolve("restarted");
        try (IngestService restarted = new IngestService(IngestTestSettings.ingest(
                settings.withStateDir(restartedState), Map.of(), 10_000))) {
            open.stop();
            restarted.start();
            awaitReady(restarted);
            String afterRestart = idOf(post(restarted, "/v1/articles", "text/plain", ARTICLE, key));
            assertThat(List.of(again, afterRestart)).containsOnly(first);
            List<ConsumerRecord<String, byte[]>> raw = new TopicProbe(kafka).read(settings.topics().raw(), 1_000,
                    Duration.ofSeconds(8), Duration.ofSeconds(2));
            assertThat(raw).filteredOn(record -> record.key().equals(first)).hasSize(1);
        } finally {
            open = new IngestService(IngestTestSettings.ingest(settings, Map.of(), 10_000));
            open.start();
            awaitReady(open);
        }
    }

    @Test
    void takesABatchOfEnvelopesAndAnswersEachLine() throws Exception {
        String ndjson = """
                {"title": "One", "body": "The first article of the batch."}
                {"title": "Two"}

                {"title": "Three", "body": "The third article of the batch.", "idempotencyKey": "batch-3"}
                """;
        HttpResponse<String> response = post(open, "/v1/articles/batch", "application/x-ndjson", ndjson, Map.of());
        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode results = Json.mapper().readTree(response.body()).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("problem").get("detail").asText()).contains("field 'body' is required");
        assertThat(results.get(2).get("line").asInt()).isEqualTo(4);
        assertThat(results.get(2).get("id").asText()).isNotBlank();

        assertProblem(post(open, "/v1/articles/batch", "application/json", "{}", Map.of()), 415,
                "application/x-ndjson");
        assertProblem(post(open, "/v1/articles/batch", "application/x-ndjson", "x".repeat(1024 * 17), Map.of()),
                413, "over the limit");
    }

    @Test
    void requiresAKnownKeyWhenKeysAreConfiguredAndLimitsItsRate(TestKafka kafka) throws Exception {
        assertProblem(post(keyed, "/v1/articles", "text/plain", ARTICLE, Map.of()), 401, "an API key is required");
        assertProblem(post(keyed, "/v1/articles", "text/plain", ARTICLE, Map.of("Authorization", "Bearer nope")),
                403, "not known");
        assertProblem(post(keyed, "/v1/articles/batch", "application/x-ndjson", "{}", Map.of()), 401,
                "an API key is required");
        assertProblem(post(keyed, "/v1/articles/batch", "application/x-ndjson", "{}", Map.of("X-Api-Key", "nope")),
                403, "not known");
        Map<String, String> key = Map.of("X-Api-Key", "key-a");
        String id = idOf(post(keyed, "/v1/articles", "text/plain", ARTICLE, key));
        HttpResponse<String> batch = post(keyed, "/v1/articles/batch", "application/x-ndjson",
                "{\"body\": \"The desk's second article.\"}\n", key);
        assertThat(batch.statusCode()).isEqualTo(207);

        // The key's limit is 2 a minute: the third request waits
        HttpResponse<String> limited = post(keyed, "/v1/articles", "text/plain", ARTICLE, key);
        assertProblem(limited, 429, "over the limit of 2 requests per minute");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertProblem(post(keyed, "/v1/articles/batch", "application/x-ndjson", "{}", key), 429,
                "over the limit");

        // And the article is credited to the key's source
        List<ConsumerRecord<String, byte[]>> raw = new TopicProbe(kafka).read(settings.topics().raw(), 1_000,
                Duration.ofSeconds(10), Duration.ofSeconds(3));
        RawArticle article = Topics.of(settings.topics()).raw().valueSerde().deserializer().deserialize("t",
                raw.stream().filter(record -> record.key().equals(id)).findFirst().orElseThrow().value());
        assertThat(article.source()).isEqualTo("desk-a");
    }

    @Test
    void answers503WithRetryAfterWhenTheBrokerCannotBeReached() throws Exception {
        HttpResponse<String> single = post(brokerless, "/v1/articles", "text/plain", ARTICLE, Map.of());
        assertProblem(single, 503, "the Kafka broker cannot be reached");
        assertThat(single.headers().firstValue("Retry-After")).hasValue("5");
        HttpResponse<String> batch = post(brokerless, "/v1/articles/batch", "application/x-ndjson",
                "{\"body\": \"An article.\"}\n{\"body\": \"Another.\"}\n", Map.of());
        assertThat(batch.statusCode()).isEqualTo(207);
        JsonNode lines = Json.mapper().readTree(batch.body()).get("results");
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line.get("status").asInt()).isEqualTo(503);
            assertThat(line.get("problem").get("detail").asText()).contains("cannot be reached");
        });
        HttpResponse<String> ready = get(brokerless, "/health/ready", "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode health = Json.mapper().readTree(ready.body());
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.get("checks")).extracting(check -> check.get("name").asText(),
                check -> check.get("status").asText()).containsExactly(tuple("service", "UP"), tuple("kafka", "DOWN"),
                tuple("streams:" + settings.applicationId("ingest"), "DOWN"));
    }

    @Test
    void zzServesTheOpenApiDocumentAndItMatchesEveryRouteAndStatusExercised() throws Exception {
        HttpResponse<String> response = get(open, "/openapi.json", "/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(get(open, "/health/live", "/health/live").statusCode()).isEqualTo(200);
        assertThat(get(open, "/health/ready", "/health/ready").statusCode()).isEqualTo(200);
        // The accepted counter appears once the ingest stream has taken an article the earlier tests posted; that
        // happens asynchronously (a CI run once got here first), so wait for it. It is counted by the instance of
        // this app that holds news.inbound's one partition: either of the two.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> metrics = get(open, "/metrics", "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body() + get(keyed, "/metrics", "/metrics").body())
                    .contains("newsflow_articles_accepted_total{service=\"ingest\"}");
        });
        JsonNode document = Json.mapper().readTree(response.body());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                method.getValue().get("responses").fieldNames().forEachRemaining(status ->
                        documented.add(method.getKey().toUpperCase() + " " + path.getKey() + " " + status));
            }
        }
        // Needs the other tests of this class to have run first: methods run in name order, zz last. A failed
        // stream (live 503) cannot be provoked here; StreamsHealthTest covers it.
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(documented.stream()
                .filter(answer -> !answer.equals("GET /health/live 503")).toList());
    }

    private void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.mapper().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    private String idOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body()).get("id").asText();
    }

    private HttpResponse<String> post(IngestService service, String path, String contentType, String body,
                                      Map<String, String> headers) throws Exception {
        return send(service, path, "POST", contentType,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers, path);
    }

    private HttpResponse<String> get(IngestService service, String path, String documentedPath) throws Exception {
        return send(service, path, "GET", null, HttpRequest.BodyPublishers.noBody(), Map.of(), documentedPath);
    }

    private HttpResponse<String> send(IngestService service, String path, String method, String contentType,
                                      HttpRequest.BodyPublisher body, Map<String, String> headers,
                                      String documentedPath) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.httpPort() + path)).method(method, body)
                .timeout(Duration.ofSeconds(30));
        Optional.ofNullable(contentType).ifPresent(type -> request.header("Content-Type", type));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        exercised.add(method + " " + documentedPath + " " + response.statusCode());
        return response;
    }

    private void awaitReady(IngestService service) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + service.httpPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ingest did not become ready within " + TIMEOUT);
    }
}
