package io.newsflow.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Json;
import io.newsflow.contract.Problem;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.TraceContext;
import io.newsflow.contract.Uuid7;
import io.newsflow.contract.health.ServiceHealth;
import io.newsflow.contract.http.OperationalRoutes;
import io.newsflow.contract.metrics.PipelineMeters;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.ingest.IngestGateway.BrokerUnavailable;
import io.newsflow.ingest.IngestGateway.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest HTTP API (documented in {@code openapi.json}, served at {@code /openapi.json}): {@code POST /v1/articles},
 * {@code POST /v1/articles/batch} (NDJSON), {@code GET /v1/articles/{id}}, health. Every error is an RFC 9457
 * problem document; every 4xx answer to a POST of articles (and every refused line of a batch) counts in
 * {@code newsflow_articles_rejected_total{reason}}. {@code GET /metrics} serves the service's metrics. A 202 is sent only after the broker acknowledged the write; when it cannot be written the answer
 * is 503 with Retry-After and nothing was accepted. {@link #close()} drains: new writes get 503, those already
 * admitted finish (and get their answer) before the server stops.
 */
public final class IngestHttpServer implements AutoCloseable {

    static final String BATCH_TYPE = "application/x-ndjson";
    /** A batch may hold this many articles' worth of bytes. */
    static final int BATCH_ARTICLES = 16;
    private static final String RETRY_AFTER_BROKER = "5";
    /** A write admitted before a stop ends within the producer's delivery time-out; a little more to answer it. */
    static final Duration WRITE_DRAIN_TIMEOUT = ArticleWriter.DELIVERY_TIMEOUT.plusSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);

    private final Javalin app;
    private final IngestGateway gateway;
    private final ArticleStatuses statuses;
    private final IngestConfig config;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final InFlightWrites writes = new InFlightWrites();
    private final PipelineMeters meters;

    public IngestHttpServer(IngestConfig config, IngestGateway gateway, ArticleStatuses statuses, ServiceHealth health,
                            ServiceMetrics metrics, Clock clock) {
        this.gateway = gateway;
        this.meters = metrics.meters();
        this.statuses = statuses;
        this.config = config;
        this.clock = clock;
        this.rateLimiter = new RateLimiter(config.ratePerMinute(), clock);
        String openApi = resource("/openapi.json");
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.http.maxRequestSize = (long) config.maxBytes() * BATCH_ARTICLES;
            javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        app.post("/v1/articles", ctx -> admitted(ctx, this::postArticle));
        app.post("/v1/articles/batch", ctx -> admitted(ctx, this::postBatch));
        app.get("/v1/articles/{id}", this::getStatus);
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        new OperationalRoutes(health, metrics).register(app);
        app.exception(ProblemException.class, (e, ctx) -> {
            e.retryAfter.ifPresent(seconds -> ctx.header("Retry-After", seconds));
            problem(ctx, e.problem);
        });
        app.exception(BrokerUnavailable.class, (e, ctx) -> {
            ctx.header("Retry-After", RETRY_AFTER_BROKER);
            problem(ctx, Problem.of(503, "Service Unavailable", "the article was not accepted: the Kafka broker "
                    + "cannot be reached (" + e.getMessage() + "); retry later, with an Idempotency-Key so that a "
                    + "write that did reach the broker is not ingested twice"));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx,
                e.getStatus() == 413 ? tooLarge(ctx.contentLength()) : Problem.of(e.getStatus(), e.getMessage(),
                        e.getMessage())));
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                problem(ctx, Problem.of(404, "Not Found", "no route " + ctx.method() + " " + ctx.path()
                        + "; see /openapi.json"));
            }
        });
        app.error(405, ctx -> problem(ctx, Problem.of(405, "Method Not Allowed", ctx.method() + " is not allowed on "
                + ctx.path() + "; see /openapi.json")));
    }

    public IngestHttpServer start() {
        app.start(config.httpHost(), config.httpPort());
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Drains, then stops: writes not yet admitted get 503 with Retry-After, those admitted finish first (for at most
     * {@link #WRITE_DRAIN_TIMEOUT}); throws if some were cut off.
     */
    @Override
    public void close() {
        int cutOff = 0;
        try {
            if (!writes.closeAndAwait(WRITE_DRAIN_TIMEOUT)) {
                cutOff = writes.count();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cutOff = writes.count();
        }
        app.stop();
        if (cutOff > 0) {
            throw new IllegalStateException("ingest HTTP: " + cutOff + " write(s) still running after "
                    + WRITE_DRAIN_TIMEOUT.toSeconds() + " s were cut off");
        }
        LOG.info("ingest HTTP: stopped; every admitted write was answered");
    }

    private void admitted(Context ctx, io.javalin.http.Handler write) throws Exception {
        if (!writes.enter()) {
            throw new ProblemException(Problem.of(503, "Service Unavailable", "this ingest instance is shutting "
                    + "down and takes no new articles; retry (another instance, or this one once restarted), with an "
                    + "Idempotency-Key"), Optional.of(RETRY_AFTER_BROKER));
        }
        try {
            write.handle(ctx);
        } finally {
            writes.exit();
        }
    }

    private void postArticle(Context ctx) throws BrokerUnavailable {
        String source = authorize(ctx);
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
        if (ContentTypes.parse(contentType).isEmpty()) {
            throw unsupported(contentType, String.join(", ", ContentTypes.ACCEPTED));
        }
        requireUtf8(contentType);
        byte[] body = boundedBody(ctx, config.maxBytes());
        Submission submission = submit(body, contentType, source, ctx.header("Idempotency-Key"),
                ctx.header(TraceContext.HEADER));
        if (!submission.accepted()) {
            throw rejected(submission.rejection());
        }
        ctx.status(202).header("Location", "/v1/articles/" + submission.id())
                .json(Map.of("id", submission.id(), "status", "accepted"));
    }

    private void postBatch(Context ctx) throws BrokerUnavailable {
        String source = authorize(ctx);
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!contentType.split(";", 2)[0].trim().equalsIgnoreCase(BATCH_TYPE)) {
            throw unsupported(contentType, BATCH_TYPE + " (one JSON envelope per line)");
        }
        requireUtf8(contentType);
        byte[] body = boundedBody(ctx, config.maxBytes() * BATCH_ARTICLES);
        ArrayNode results = Json.mapper().createArrayNode();
        Problem unavailable = null;
        int line = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i < body.length && body[i] != '\n') {
                continue;
            }
            byte[] entry = Arrays.copyOfRange(body, start, i);
            start = i + 1;
            line++;
            if (new String(entry, StandardCharsets.UTF_8).isBlank()) {
                continue;
            }
            ObjectNode result = results.addObject().put("line", line);
            if (unavailable != null) {
                result.put("status", 503).set("problem", Json.mapper().valueToTree(unavailable));
                continue;
            }
            Submission submission;
            try {
                submission = submit(entry, ContentTypes.JSON, source, null, ctx.header(TraceContext.HEADER));
            } catch (BrokerUnavailable e) {
                // Lines before this one are written; this one may be; the rest were not tried. The 207 says which.
                unavailable = Problem.of(503, "Service Unavailable", "not accepted: the Kafka broker cannot be "
                        + "reached (" + e.getMessage() + "); retry this line, with an idempotencyKey to be safe");
                result.put("status", 503).set("problem", Json.mapper().valueToTree(unavailable));
                continue;
            }
            if (submission.accepted()) {
                result.put("status", 202).put("id", submission.id()).put("location",
                        "/v1/articles/" + submission.id());
            } else {
                Problem problem = problemFor(submission.rejection());
                meters.rejected(reason(problem));
                result.put("status", 400).set("problem", Json.mapper().valueToTree(problem));
            }
        }
        ctx.status(207).json(Map.of("results", results));
    }

    private void getStatus(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ArticleIds.isValid(id)) {
            throw new ProblemException(Problem.of(400, "Bad Request", "'" + id + "' is not an article id: ids are "
                    + "1-128 letters, digits, '.', '_' or '-'"), Optional.empty());
        }
        ctx.json(statuses.of(id).orElseThrow(() -> new ProblemException(Problem.of(404, "Not Found",
                "no article with id '" + id + "' has been accepted"), Optional.empty())));
    }

    private Submission submit(byte[] body, String contentType, String source, String idempotencyHeader,
                              String traceparent) throws BrokerUnavailable {
        String idempotencyKey = idempotencyHeader == null || idempotencyHeader.isBlank() ? null
                : idempotencyHeader.trim();
        boolean json = ContentTypes.parse(contentType).filter(ContentTypes.JSON::equals).isPresent();
        // An article sent without any identity of its own (no id, no idempotency key) gets a UUIDv7 as its key.
        String key = idempotencyKey == null && !(json && identifiesItself(body)) ? Uuid7.next(clock).toString() : null;
        InboundMessage message = new InboundMessage(key, body, contentType, source, idempotencyKey, "http",
                clock.instant());
        Submission submission = gateway.submit(message, traceparent);
        if (submission.accepted()) {
            statuses.accepted(submission.id(), message.receivedAt());
        }
        return submission;
    }

    /** Whether a JSON envelope names itself: a non-blank {@code id} or {@code idempotencyKey}, as the normalizer reads them. */
    private static boolean identifiesItself(byte[] body) {
        try {
            var json = Json.mapper().readTree(body);
            return json != null && json.isObject() && (nonBlank(json.get("id")) || nonBlank(json.get("idempotencyKey")));
        } catch (IOException e) {
            return false; // malformed: the normalizer names the problem
        }
    }

    private static boolean nonBlank(com.fasterxml.jackson.databind.JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }

    /** The source the caller's key stands for; null when keys are off (the envelope or a header may name one). */
    private String authorize(Context ctx) {
        String presented = Optional.ofNullable(ctx.header("X-Api-Key")).orElseGet(() -> {
            String authorization = ctx.header("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authorization.substring(7).trim() : null;
        });
        String source = null;
        if (!config.apiKeys().isEmpty()) {
            if (presented == null || presented.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ProblemException(Problem.of(401, "Unauthorized", "an API key is required: send "
                        + "'Authorization: Bearer KEY' or 'X-Api-Key: KEY'"), Optional.empty());
            }
            source = config.apiKeys().get(presented);
            if (source == null) {
                throw new ProblemException(Problem.of(403, "Forbidden", "this API key is not known; ask the "
                        + "newsflow operators for one"), Optional.empty());
            }
        } else {
            source = ctx.header("X-Source");
        }
        String caller = presented != null && !config.apiKeys().isEmpty() ? "key:" + presented : "ip:" + ctx.ip();
        long retryAfter = rateLimiter.acquire(caller);
        if (retryAfter > 0) {
            throw new ProblemException(Problem.of(429, "Too Many Requests", "over the limit of "
                    + config.ratePerMinute() + " requests per minute; retry after " + retryAfter + " s"),
                    Optional.of(Long.toString(retryAfter)));
        }
        return source;
    }

    private static void requireUtf8(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")
                    && !pair[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new ProblemException(Problem.of(415, "Unsupported Media Type", "charset '" + pair[1].trim()
                        + "' is not accepted: send UTF-8"), Optional.empty());
            }
        }
    }

    private byte[] boundedBody(Context ctx, int limit) {
        if (ctx.contentLength() > limit) {
            throw new ProblemException(tooLarge(ctx.contentLength(), limit), Optional.empty());
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new ProblemException(tooLarge(-1, limit), Optional.empty());
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private Problem tooLarge(long length) {
        return tooLarge(length, config.maxBytes());
    }

    private static Problem tooLarge(long length, int limit) {
        return Problem.of(413, "Content Too Large", (length > 0 ? "the body is " + length + " bytes; " : "the body is ")
                + "over the limit of " + limit + " bytes");
    }

    private static ProblemException unsupported(String contentType, String accepted) {
        return new ProblemException(Problem.of(415, "Unsupported Media Type", "content type '" + contentType
                + "' is not accepted here; send " + accepted), Optional.empty());
    }

    private static ProblemException rejected(Rejection rejection) {
        return new ProblemException(problemFor(rejection), Optional.empty());
    }

    /** A rejection as the client sees it: too large is 413, an unknown type 415, anything else is a bad request. */
    static Problem problemFor(Rejection rejection) {
        return switch (rejection.error()) {
            case "too-large" -> new Problem(type(rejection), "Content Too Large", 413, rejection.reason());
            case "unsupported-media-type" -> new Problem(type(rejection), "Unsupported Media Type", 415,
                    rejection.reason());
            default -> new Problem(type(rejection), "Bad Request", 400, rejection.reason());
        };
    }

    private static String type(Rejection rejection) {
        return "urn:newsflow:problem:" + rejection.error().toLowerCase(Locale.ROOT);
    }

    private void problem(Context ctx, Problem problem) {
        if (problem.status() >= 400 && problem.status() < 500 && ctx.method() == io.javalin.http.HandlerType.POST
                && (ctx.path().equals("/v1/articles") || ctx.path().equals("/v1/articles/batch"))) {
            meters.rejected(reason(problem));
        }
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(problem.toJson());
    }

    /** A rejection's error code ({@code missing-field}...), or what its status means when it has none. */
    static String reason(Problem problem) {
        String prefix = "urn:newsflow:problem:";
        if (problem.type() != null && problem.type().startsWith(prefix)) {
            return problem.type().substring(prefix.length());
        }
        return switch (problem.status()) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            default -> "bad-request";
        };
    }

    private static String resource(String name) {
        try (InputStream in = IngestHttpServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error answer: thrown by a handler, written by the exception mapper. */
    static final class ProblemException extends RuntimeException {
        final Problem problem;
        final Optional<String> retryAfter;

        ProblemException(Problem problem, Optional<String> retryAfter) {
            super(problem.detail());
            this.problem = problem;
            this.retryAfter = retryAfter;
        }
    }
}
