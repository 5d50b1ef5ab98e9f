package io.newsflow.publish;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The newsroom's live page at {@code /}: plain HTML, CSS and JavaScript from the classpath ({@code newsroom/}), no
 * build step and nothing from other origins. It lists {@code /articles} and adds what {@code /stream} sends.
 *
 * <p>Article text is set with {@code textContent} only; the Content-Security-Policy is the second line of defence: even
 * markup that slipped into the page could not run script, load from elsewhere or rebase links.
 */
public final class NewsroomPage implements HttpRoutes {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'";

    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("newsroom/index.html", "text/html; charset=utf-8"),
            "/newsroom/newsroom.css", new Asset("newsroom/newsroom.css", "text/css; charset=utf-8"),
            "/newsroom/newsroom.js", new Asset("newsroom/newsroom.js", "text/javascript; charset=utf-8"));

    @Override
    public void register(Javalin app) {
        ASSETS.forEach((path, asset) -> {
            byte[] content = read(asset.resource()); // at start: a missing file fails the service, not a reader
            app.get(path, ctx -> ctx
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-cache")
                    .contentType(asset.mediaType())
                    .result(content));
        });
    }

    private record Asset(String resource, String mediaType) {
    }

    private static byte[] read(String resource) {
        try (InputStream in = NewsroomPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the newsroom page's " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
