package io.newsflow.publish.feed;

import static io.newsflow.publish.feed.FeedFixtures.HOSTILE_TEXT_IN_FEEDS;
import static io.newsflow.publish.feed.FeedFixtures.HOSTILE_URI;
import static io.newsflow.publish.feed.FeedFixtures.SEED_HEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.publish.PublishHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three feeds over real HTTP, read by a parser that is not ours: Python's feedparser (Debian
 * {@code python3-feedparser}, installed by {@code .ci/run}) for Atom and RSS, Python's json module and the JSON Feed
 * 1.1 rules for JSON Feed (feedparser 6.0 does not read it). Served: the sample seed, a hostile article and two
 * German ones. Without feedparser this test fails, it does not skip: a feed nobody checked is not shipped.
 */
class FeedparserIT {

    static final String PYTHON = "/usr/bin/python3";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PublishHttpServer server;

    @BeforeAll
    static void startServerWithFeedparserAtHand() {
        requireFeedparser();
        InMemoryArticles articles = InMemoryArticles.standard();
        server = new PublishHttpServer(articles, List.of(new FeedRoutes(articles)))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "atom", "rss"})
    void aReaderSeesTheSeedAndTheHostileArticleAsExactlyOneEntryWithItsOwnText(String kind) throws Exception {
        JsonNode feed = read(kind, "/feed." + kind);

        assertThat(feed.get("bozo").asBoolean()).as("%s feed is well-formed and valid; the parser said: %s", kind,
                feed.get("bozo_exception")).isFalse();
        assertThat(titles(feed)).as("%s entry titles", kind).contains(SEED_HEADLINE);
        List<JsonNode> hostile = new ArrayList<>();
        feed.get("entries").forEach(entry -> {
            if (entry.get("id").asText().equals(HOSTILE_URI)) {
                hostile.add(entry);
            }
        });
        assertThat(hostile).as("%s entries for the hostile article", kind).hasSize(1);
        JsonNode entry = hostile.get(0);
        assertThat(entry.get("title_text").asText()).as("%s title as shown", kind).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(entry.get("summary_text").asText()).as("%s summary as shown (%s)", kind, entry.get("summary"))
                .isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(entry.get("markup")).as("%s: HTML elements a reader would render", kind).isEmpty();
        assertThat(feed.get("entries")).as("%s: one entry per article", kind).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "atom", "rss"})
    void aReaderFollowsNextLinksThroughTheFilteredFeed(String kind) throws Exception {
        List<String> titles = new ArrayList<>();
        String next = "/feed." + kind + "?language=en&limit=1";
        while (next != null) {
            JsonNode page = read(kind, next);
            assertThat(page.get("bozo").asBoolean()).as("%s page %s: %s", kind, next, page.get("bozo_exception"))
                    .isFalse();
            titles.addAll(titles(page));
            next = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asText().equals("next")) {
                    URI href = URI.create(link.get("href").asText());
                    assertThat(href.getPort()).isEqualTo(server.port());
                    next = href.getRawPath() + "?" + href.getRawQuery();
                }
            }
            assertThat(titles.size()).as("%s pages end", kind).isLessThan(5);
        }
        assertThat(titles).containsExactly(HOSTILE_TEXT_IN_FEEDS, SEED_HEADLINE);
    }

    /** Fetches a feed and has read_feed.py read it: its JSON report. */
    private static JsonNode read(String kind, String path) throws Exception {
        String url = "http://127.0.0.1:" + server.port() + path;
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        String report = python(response.body(), script().toString(), kind, contentType, url);
        return Json.mapper().readTree(report);
    }

    private static List<String> titles(JsonNode feed) {
        List<String> titles = new ArrayList<>();
        feed.get("entries").forEach(entry -> titles.add(entry.get("title_text").asText()));
        return titles;
    }

    private static void requireFeedparser() {
        try {
            python(new byte[0], "-c", "import feedparser");
        } catch (IOException | AssertionError e) {
            fail("Python's feedparser is needed to check the feeds with a parser that is not ours, and " + PYTHON
                    + " cannot import it. Install it: apt-get install -y python3-feedparser (.ci/run does). "
                    + "Cause: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while looking for feedparser");
        }
    }

    /** Runs {@value #PYTHON} with {@code args}, {@code input} on stdin; its stdout, or fails with its stderr. */
    private static String python(byte[] input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        String out = new String(stdout.join(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ": "
                    + new String(stderr.join(), StandardCharsets.UTF_8).strip());
        }
        return out;
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path script() {
        try {
            Path script = Path.of(FeedparserIT.class.getResource("/feeds/read_feed.py").toURI());
            if (!Files.isRegularFile(script)) {
                throw new IllegalStateException("read_feed.py is not a file: " + script);
            }
            return script;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
