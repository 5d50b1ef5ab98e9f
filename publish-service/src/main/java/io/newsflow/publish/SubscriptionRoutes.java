package io.newsflow.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsflow.contract.Json;
import io.newsflow.contract.Problem;
import io.newsflow.publish.webhooks.Subscription;
import io.newsflow.publish.webhooks.SubscriptionFilter;
import io.newsflow.publish.webhooks.SubscriptionRegistry;
import io.newsflow.publish.webhooks.SubscriptionValidation;
import java.time.Instant;
import java.util.Locale;

/**
 * Webhook subscriptions over HTTP: {@code POST /v1/subscriptions} ({@code {url, secret, filter?}} → 201 and
 * Location), {@code GET /v1/subscriptions[/{id}]} (never with the secret), {@code DELETE /v1/subscriptions/{id}}.
 * Errors are problem documents naming the field.
 */
final class SubscriptionRoutes implements HttpRoutes {

    static final String PATH = "/v1/subscriptions";
    static final String INVALID_FIELD = "urn:newsflow:problem:invalid-field";
    private final SubscriptionRegistry registry;

    SubscriptionRoutes(SubscriptionRegistry registry) {
        this.registry = registry;
    }

    /** A subscription as the API shows it: everything but the secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String id, String url, SubscriptionFilter filter, String origin, Instant createdAt) {
        static View of(Subscription subscription) {
            return new View(subscription.id(), subscription.url(), subscription.filter(), subscription.origin(),
                    subscription.createdAt());
        }
    }

    @Override
    public void register(Javalin app) {
        app.post(PATH, this::create);
        app.get(PATH, ctx -> ctx.json(registry.all().stream().map(View::of).toList()));
        app.get(PATH + "/{id}", ctx -> registry.find(ctx.pathParam("id")).map(View::of).ifPresentOrElse(ctx::json,
                () -> notFound(ctx)));
        app.delete(PATH + "/{id}", this::delete);
    }

    private void create(Context ctx) throws InterruptedException {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.isEmpty() && !contentType.startsWith("application/json")) {
            PublishHttpServer.problem(ctx, Problem.of(415, "Unsupported Media Type",
                    "send the subscription as application/json, got '" + ctx.contentType() + "'"));
            return;
        }
        SubscriptionValidation.NewSubscription request;
        try {
            JsonNode json = Json.mapper().readTree(ctx.bodyAsBytes());
            request = SubscriptionValidation.request(json);
        } catch (JsonProcessingException e) {
            PublishHttpServer.problem(ctx, new Problem("urn:newsflow:problem:malformed-json", "Bad Request", 400,
                    "the body is not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")"));
            return;
        } catch (java.io.IOException e) {
            PublishHttpServer.problem(ctx, Problem.of(400, "Bad Request", "the body cannot be read: " + e.getMessage()));
            return;
        } catch (SubscriptionValidation.InvalidField e) {
            PublishHttpServer.problem(ctx, new Problem(INVALID_FIELD, "Bad Request", 400, e.getMessage()));
            return;
        }
        try {
            Subscription subscription = registry.register(request);
            ctx.status(201).header("Location", PATH + "/" + subscription.id()).json(View.of(subscription));
        } catch (SubscriptionRegistry.Unavailable e) {
            unavailable(ctx, "the subscription was not registered", e);
        }
    }

    private void delete(Context ctx) throws InterruptedException {
        String id = ctx.pathParam("id");
        try {
            if (registry.remove(id)) {
                ctx.status(204);
            } else {
                notFound(ctx);
            }
        } catch (SubscriptionRegistry.Configured e) {
            PublishHttpServer.problem(ctx, Problem.of(409, "Conflict", e.getMessage()));
        } catch (SubscriptionRegistry.Unavailable e) {
            unavailable(ctx, "the subscription was not removed", e);
        }
    }

    private static void notFound(Context ctx) {
        PublishHttpServer.problem(ctx, Problem.of(404, "Not Found", "no subscription has id '" + ctx.pathParam("id")
                + "'"));
    }

    private static void unavailable(Context ctx, String what, Exception e) {
        ctx.header("Retry-After", "5");
        PublishHttpServer.problem(ctx, Problem.of(503, "Service Unavailable", what + ": the Kafka broker cannot be "
                + "reached (" + e.getMessage() + "); retry later"));
    }
}
