package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's files and headers; what it does in a browser is NewsroomPageBrowserIT's job. */
class NewsroomPageTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private PublishHttpServer server;

    @BeforeEach
    void start() {
        server = new PublishHttpServer(new NoArticles(), List.of(new NewsroomPage()))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesThePageWithAContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(type(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("content-security-policy")).hasValue("default-src 'self'; "
                + "script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(page.body()).contains("/newsroom/newsroom.js", "/newsroom/newsroom.css", "/feed.json",
                "/feed.atom", "/feed.rss");
    }

    @Test
    void servesItsScriptAndStylesFromThisOrigin() throws Exception {
        HttpResponse<String> script = get("/newsroom/newsroom.js");
        assertThat(type(script)).isEqualTo("text/javascript;charset=utf-8");
        assertThat(script.body()).contains("new EventSource('/stream')");
        assertThat(type(get("/newsroom/newsroom.css"))).isEqualTo("text/css;charset=utf-8");
        assertThat(get("/").body()).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    /** A cheap tripwire beside the browser test: the script never hands text to an HTML parser. */
    @Test
    void theScriptNeverParsesMarkup() throws Exception {
        String script = get("/newsroom/newsroom.js").body();
        assertThat(Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|eval\\(|new Function")
                .matcher(script).find()).as("markup-parsing or eval call in newsroom.js").isFalse();
    }

    /** The media type as sent, spaces removed: Jetty writes "text/html;charset=utf-8". */
    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("content-type").orElse("").replace(" ", "").toLowerCase();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
