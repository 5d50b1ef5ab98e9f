package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishHttpServerTest {

    private final List<NinjsDocument> documents = List.of(
            document("old", "2026-11-24T08:00:00Z"), document("new", "2026-11-24T10:00:00Z"),
            document("mid", "2026-11-24T09:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private PublishHttpServer server;

    /** A deterministic stand-in for the state store, so the HTTP layer is tested alone. */
    private final ArticleQueries queries = new ArticleQueries() {
        @Override
        public ArticlePage find(ArticleQuery query) {
            return query.select(documents);
        }

        @Override
        public Optional<NinjsDocument> byId(String id) {
            return documents.stream().filter(d -> d.uri().equals("urn:newsflow:article:" + id)).findFirst();
        }
    };

    @BeforeEach
    void start() {
        server = new PublishHttpServer(queries, java.util.List.of()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsArticlesLatestFirstAsNinjs() throws Exception {
        HttpResponse<String> response = get("/articles?limit=2");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("uri").asText()).isEqualTo("urn:newsflow:article:new");
        assertThat(body.get(1).get("uri").asText()).isEqualTo("urn:newsflow:article:mid");
    }

    @Test
    void findsAnArticleByIdOrUri() throws Exception {
        assertThat(Json.mapper().readTree(get("/articles/mid").body()).get("headlines").get(0).get("value").asText())
                .isEqualTo("Headline mid");
        assertThat(get("/articles/urn:newsflow:article:mid").statusCode()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownIdWith404ProblemJson() throws Exception {
        HttpResponse<String> response = get("/articles/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(Json.mapper().readTree(response.body()).get("detail").asText())
                .isEqualTo("no published article has id 'nope'");
    }

    @Test
    void rejectsABadLimitWith400NamingTheRange() throws Exception {
        HttpResponse<String> response = get("/articles?limit=0");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).get("detail").asText())
                .isEqualTo("limit must be a whole number from 1 to 500, got '0'");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static NinjsDocument document(String id, String versionCreated) {
        return NinjsDocument.basic("urn:newsflow:article:" + id, "1", "en",
                List.of(new Headline("main", "text/plain", "Headline " + id)), List.of(), versionCreated,
                versionCreated);
    }
}
