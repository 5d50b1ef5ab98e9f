package io.newsflow.publish.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.publish.PublishHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The feeds and {@code GET /articles} over real HTTP, on a fixed set of articles. */
class FeedRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private PublishHttpServer server;

    @BeforeEach
    void start() {
        InMemoryArticles articles = InMemoryArticles.standard();
        server = new PublishHttpServer(articles, List.of(new FeedRoutes(articles)))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/feed.json, application/feed+json; charset=utf-8",
            "/feed.atom, application/atom+xml; charset=utf-8",
            "/feed.rss, application/rss+xml; charset=utf-8"})
    void servesEachFeedWithItsMediaTypeAStrongEtagAndThirtySecondsOfPublicCaching(String path, String type)
            throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(
                etag -> assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\""));
        assertThat(get(path).headers().firstValue("ETag")).isEqualTo(response.headers().firstValue("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed.json", "/feed.atom", "/feed.rss"})
    void answersAReaderThatHasTheFeedAlreadyWith304(String path) throws Exception {
        String etag = get(path).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
        assertThat(again.headers().firstValue("Content-Type")).as("a cache updates its copy's headers from a 304")
                .isEqualTo(get(path).headers().firstValue("Content-Type"));

        assertThat(get(path, "If-None-Match", "\"an-older-one\"").statusCode()).isEqualTo(200);
        assertThat(get(path + "?language=de", "If-None-Match", etag).statusCode())
                .as("another selection is another body").isEqualTo(200);
    }

    @Test
    void filtersTheFeedsLikeTheArticleList() throws Exception {
        assertThat(itemTitles("/feed.json?language=de"))
                .containsExactly("Hochwasser im Norden hochwasser-2", "Hochwasser im Norden hochwasser-1");
        assertThat(itemTitles("/feed.json?q=riyadh"))
                .containsExactly("Russia reset: On the U.S., Russia, their first major diplomatic interaction");
        assertThat(itemTitles("/feed.json?subject=11000000&person=marco%20rubio&place=riyadh&organisation=NATO"))
                .hasSize(1);
        assertThat(get("/feed.atom?language=de").body()).doesNotContain("Russia reset");
        assertThat(get("/feed.rss?q=riyadh").body()).contains("Russia reset");
        assertThat(uris("/articles?language=de"))
                .containsExactly("urn:newsflow:article:hochwasser-2", "urn:newsflow:article:hochwasser-1");
        assertThat(uris("/articles?subject=politics")).containsExactly(FeedFixtures.SEED_URI);
    }

    @Test
    void pagesThroughEveryArticleByFollowingNextLinks() throws Exception {
        List<String> titles = new ArrayList<>();
        String next = "/feed.json?limit=1";
        while (next != null) {
            JsonNode feed = Json.mapper().readTree(get(next).body());
            feed.get("items").forEach(item -> titles.add(item.get("id").asText()));
            next = feed.has("next_url") ? URI.create(feed.get("next_url").asText()).getRawPath() + "?"
                    + URI.create(feed.get("next_url").asText()).getRawQuery() : null;
            assertThat(titles.size()).as("the pages end").isLessThan(10);
        }
        assertThat(titles).containsExactly(FeedFixtures.HOSTILE_URI, FeedFixtures.SEED_URI,
                "urn:newsflow:article:hochwasser-2", "urn:newsflow:article:hochwasser-1");

        String origin = "http://127.0.0.1:" + server.port();
        assertThat(nextLink(get("/feed.atom?limit=3").body())).startsWith(origin + "/feed.atom?limit=3&cursor=");
        assertThat(nextLink(get("/feed.rss?limit=3").body())).startsWith(origin + "/feed.rss?limit=3&cursor=");
        assertThat(nextLink(get("/feed.rss?limit=4").body())).as("the last page").isNull();
    }

    @Test
    void theArticleListPagesWithALinkHeader() throws Exception {
        HttpResponse<String> first = get("/articles?limit=3");
        assertThat(Json.mapper().readTree(first.body())).hasSize(3);
        String link = first.headers().firstValue("Link").orElseThrow();
        Matcher next = Pattern.compile("<(/articles\\?limit=3&cursor=[A-Za-z0-9_-]+)>; rel=\"next\"").matcher(link);
        assertThat(next.matches()).as(link).isTrue();

        HttpResponse<String> last = get(next.group(1));
        assertThat(uris(next.group(1))).containsExactly("urn:newsflow:article:hochwasser-1");
        assertThat(last.headers().firstValue("Link")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/feed.json?limit=0|limit must be a whole number from 1 to 500, got '0'",
            "/feed.atom?limit=501|limit must be a whole number from 1 to 500, got '501'",
            "/feed.rss?limit=all|limit must be a whole number from 1 to 500, got 'all'",
            "/feed.rss?language=|language must not be empty: leave it out to match every article",
            "/feed.atom?cursor=xyz|cursor 'xyz' is not one this API gave out: take it from a next link, or leave "
                    + "it out for the first page",
            "/articles?person=a&person=b|give person once, got it 2 times"})
    void answersABadParameterWith400ProblemJson(String path, String detail) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Cache-Control")).isEmpty();
        JsonNode problem = Json.mapper().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }

    private List<String> itemTitles(String path) throws Exception {
        List<String> titles = new ArrayList<>();
        Json.mapper().readTree(get(path).body()).get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private List<String> uris(String path) throws Exception {
        List<String> uris = new ArrayList<>();
        Json.mapper().readTree(get(path).body()).forEach(document -> uris.add(document.get("uri").asText()));
        return uris;
    }

    /** The href of the feed's {@code rel="next"} link (Atom, or atom:link in RSS); null if there is none. */
    private static String nextLink(String xml) {
        Matcher next = Pattern.compile("<(?:atom:)?link [^>]*rel=\"next\"[^>]*href=\"([^\"]+)\"").matcher(xml);
        return next.find() ? next.group(1).replace("&amp;", "&") : null;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
