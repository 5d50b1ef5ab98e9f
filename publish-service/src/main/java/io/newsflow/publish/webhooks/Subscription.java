package io.newsflow.publish.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber: where each matching published article is POSTed and the secret its signature is made with. The value
 * of the subscriptions topic (keyed by {@code id}), so it carries the secret: that topic is as sensitive as the
 * secrets are. The HTTP API never shows the secret.
 *
 * @param origin    {@link #CONFIG} (from NEWSFLOW_WEBHOOKS / NEWSFLOW_WEBHOOKS_FILE, changed only there) or
 *                  {@link #API} (registered with POST /v1/subscriptions)
 * @param createdAt when it was registered over the API; null for configured ones
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(String id, String url, String secret, SubscriptionFilter filter, String origin,
                           Instant createdAt) {

    public static final String CONFIG = "config";
    public static final String API = "api";

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        filter = filter == null ? SubscriptionFilter.NONE : filter;
        origin = origin == null ? API : origin;
    }

    public boolean configured() {
        return CONFIG.equals(origin);
    }
}
