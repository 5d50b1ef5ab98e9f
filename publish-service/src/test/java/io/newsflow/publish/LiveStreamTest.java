package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.Json;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.KafkaSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What /stream rejects before it asks Kafka anything; streaming itself is tested on a broker (LiveStreamIT). */
class LiveStreamTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PublishHttpServer server;

    @BeforeEach
    void start() {
        // Nothing listens on port 1: a request that reached Kafka would fail differently (503 after a wait).
        LiveStream stream = new LiveStream(KafkaSettings.of("127.0.0.1:1"), Topics.defaults().published());
        server = new PublishHttpServer(new NoArticles(), List.of(stream)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rejectsAMalformedLastEventIdWith400Problem() throws Exception {
        HttpResponse<String> response = get("/stream", "0:12,1:x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(Json.mapper().readTree(response.body()).get("detail").asText()).isEqualTo(
                "Last-Event-ID '0:12,1:x' is not a feed position: expected partition:offset pairs separated by "
                        + "commas, e.g. 0:15,1:7,2:3");
    }

    @Test
    void rejectsAnUnknownStartingPoint() throws Exception {
        HttpResponse<String> response = get("/stream?from=yesterday", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).get("detail").asText())
                .isEqualTo("from must be 'start' or 'end', got 'yesterday'");
    }

    @Test
    void turnsAwayReadersBeyondTheLimitWith503AndRetryAfter() throws Exception {
        LiveStream full = new LiveStream(KafkaSettings.of("127.0.0.1:1"), Topics.defaults().published(),
                LiveStream.HEARTBEAT, 0);
        try (PublishHttpServer other = new PublishHttpServer(new NoArticles(), List.of(full))
                .start("127.0.0.1", 0)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/stream")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("retry-after")).hasValue("10");
            assertThat(Json.mapper().readTree(response.body()).get("detail").asText())
                    .isEqualTo("too many open streams (0); retry later");
        }
    }

    private HttpResponse<String> get(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
