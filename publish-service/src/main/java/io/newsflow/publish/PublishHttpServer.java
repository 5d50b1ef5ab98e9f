package io.newsflow.publish;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.Json;
import io.newsflow.contract.Problem;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The publish HTTP API: {@code GET /articles} (latest first, {@code ?limit=}, the filters and cursor of
 * {@link ArticleQuery}, a {@code Link: rel="next"} header while there are more), {@code GET /articles/{id}} (by id or
 * uri), and the routes of its {@code parts} (feeds, the live stream, the page, subscriptions, health and metrics).
 * Documents are the same ninjs JSON as on news.published.
 */
public final class PublishHttpServer implements AutoCloseable {

    private final Javalin app;

    public PublishHttpServer(ArticleQueries articles, java.util.List<HttpRoutes> parts) {
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        app.get("/articles", ctx -> {
            ArticleQuery query = ArticleQuery.parse(ctx.queryParamMap());
            ArticlePage page = articles.find(query);
            page.next().ifPresent(next -> ctx.header("Link",
                    "<" + ctx.path() + "?" + query.startingAfter(next).queryString() + ">; rel=\"next\""));
            ctx.json(page.documents());
        });
        app.get("/articles/{id}", ctx -> {
            String requested = ctx.pathParam("id");
            String id = requested.startsWith("urn:") ? ArticleIds.idOf(requested) : requested;
            articles.byId(id).ifPresentOrElse(ctx::json,
                    () -> problem(ctx, Problem.of(404, "Not Found", "no published article has id '" + id + "'")));
        });
        app.exception(InvalidStateStoreException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            problem(ctx, Problem.of(503, "Service Unavailable", "this publish instance holds no copy of the articles"
                    + " yet (restoring, or they are on other instances: set KAFKA_STREAMS_NUM_STANDBY_REPLICAS to the"
                    + " number of publish instances minus one for every one to answer); retry shortly"));
        });
        app.exception(BadRequest.class, (e, ctx) -> problem(ctx, Problem.of(400, "Bad Request", e.getMessage())));
        parts.forEach(part -> part.register(app));
    }

    /** Starts listening; port 0 picks a free one (see {@link #port()}). */
    public PublishHttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Writes an RFC 9457 problem document: every error of this API is one. */
    static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(problem.toJson());
    }
}
