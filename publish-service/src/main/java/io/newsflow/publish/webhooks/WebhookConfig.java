package io.newsflow.publish.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.config.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook settings of publish-service.
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>NEWSFLOW_WEBHOOKS</td><td>none</td><td>subscriptions as inline JSON:
 *       {@code [{"id","url","secret","filter"}]}</td></tr>
 *   <tr><td>NEWSFLOW_WEBHOOKS_FILE</td><td>none</td><td>a file holding the same JSON (both may be given; ids must
 *       differ)</td></tr>
 *   <tr><td>NEWSFLOW_TOPIC_SUBSCRIPTIONS</td><td>news.subscriptions</td><td>the compacted topic of subscriptions
 *       registered over HTTP</td></tr>
 *   <tr><td>NEWSFLOW_WEBHOOK_CONNECT_TIMEOUT</td><td>5s</td><td>to connect to a receiver</td></tr>
 *   <tr><td>NEWSFLOW_WEBHOOK_TIMEOUT</td><td>10s</td><td>for a receiver's answer</td></tr>
 *   <tr><td>NEWSFLOW_WEBHOOK_BACKOFF_BASE / _CAP</td><td>1s / 1h</td><td>retry waits (full jitter)</td></tr>
 *   <tr><td>NEWSFLOW_WEBHOOK_MAX_AGE</td><td>24h</td><td>how long a delivery is retried before it is parked in the
 *       dead-letter topic</td></tr>
 * </table>
 * Durations read {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 2d} or ISO 8601.
 */
public record WebhookConfig(String subscriptionsTopic, List<Subscription> configured, Duration connectTimeout,
                            Duration requestTimeout, RetryPolicy retry) {

    public static final String DEFAULT_SUBSCRIPTIONS_TOPIC = "news.subscriptions";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final String INLINE = "NEWSFLOW_WEBHOOKS";
    static final String FILE = "NEWSFLOW_WEBHOOKS_FILE";

    public WebhookConfig {
        if (!subscriptionsTopic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("NEWSFLOW_TOPIC_SUBSCRIPTIONS=" + subscriptionsTopic
                    + " is not a valid topic name: use 1-249 characters of a-z, A-Z, 0-9, '.', '_' or '-'");
        }
        configured = List.copyOf(configured);
    }

    /** No configured subscriptions, the default topic and timings. */
    public static WebhookConfig defaults() {
        return new WebhookConfig(DEFAULT_SUBSCRIPTIONS_TOPIC, List.of(), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT, RetryPolicy.DEFAULT);
    }

    public static WebhookConfig fromEnv(Env env) {
        List<Subscription> subscriptions = new ArrayList<>();
        Map<String, String> settingOfId = new LinkedHashMap<>();
        env.optional(FILE).ifPresent(path -> add(subscriptions, settingOfId, FILE, readFile(path)));
        env.optional(INLINE).ifPresent(json -> add(subscriptions, settingOfId, INLINE, json));
        Duration base = DurationSetting.read(env, "NEWSFLOW_WEBHOOK_BACKOFF_BASE", RetryPolicy.DEFAULT.base());
        Duration cap = DurationSetting.read(env, "NEWSFLOW_WEBHOOK_BACKOFF_CAP", RetryPolicy.DEFAULT.cap());
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("NEWSFLOW_WEBHOOK_BACKOFF_CAP (" + DurationSetting.words(cap)
                    + ") must not be below NEWSFLOW_WEBHOOK_BACKOFF_BASE (" + DurationSetting.words(base) + ")");
        }
        return new WebhookConfig(
                env.string("NEWSFLOW_TOPIC_SUBSCRIPTIONS", DEFAULT_SUBSCRIPTIONS_TOPIC),
                subscriptions,
                DurationSetting.read(env, "NEWSFLOW_WEBHOOK_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT),
                DurationSetting.read(env, "NEWSFLOW_WEBHOOK_TIMEOUT", DEFAULT_REQUEST_TIMEOUT),
                new RetryPolicy(base, cap,
                        DurationSetting.read(env, "NEWSFLOW_WEBHOOK_MAX_AGE", RetryPolicy.DEFAULT.maxAge())));
    }

    public WebhookConfig withSubscriptionsTopic(String topic) {
        return new WebhookConfig(topic, configured, connectTimeout, requestTimeout, retry);
    }

    public WebhookConfig withConfigured(List<Subscription> subscriptions) {
        return new WebhookConfig(subscriptionsTopic, subscriptions, connectTimeout, requestTimeout, retry);
    }

    public WebhookConfig withTimeouts(Duration connect, Duration request) {
        return new WebhookConfig(subscriptionsTopic, configured, connect, request, retry);
    }

    public WebhookConfig withRetry(RetryPolicy policy) {
        return new WebhookConfig(subscriptionsTopic, configured, connectTimeout, requestTimeout, policy);
    }

    private static void add(List<Subscription> subscriptions, Map<String, String> settingOfId, String setting,
                            String json) {
        JsonNode array;
        try {
            array = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(setting + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(setting + " must be a JSON array of subscriptions "
                    + "[{\"id\",\"url\",\"secret\",\"filter\"}]");
        }
        for (int i = 0; i < array.size(); i++) {
            Subscription subscription;
            try {
                subscription = SubscriptionValidation.configured(array.get(i));
            } catch (SubscriptionValidation.InvalidField e) {
                throw new IllegalArgumentException(setting + "[" + i + "]: " + e.getMessage(), e);
            }
            String earlier = settingOfId.putIfAbsent(subscription.id(), setting);
            if (earlier != null) {
                throw new IllegalArgumentException(setting + "[" + i + "]: id '" + subscription.id()
                        + "' is already used by a subscription in " + earlier);
            }
            subscriptions.add(subscription);
        }
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(FILE + "=" + path + " cannot be read: " + e, e);
        }
    }
}
