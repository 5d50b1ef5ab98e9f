package io.newsflow.publish.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One POST of a delivery to its subscriber: the body exactly as published and the signed headers. */
public record WebhookRequest(String deliveryId, URI url, byte[] body, Map<String, String> headers) {

    public static final String DELIVERY_HEADER = "X-Newsflow-Delivery";
    public static final String EVENT_HEADER = "X-Newsflow-Event";
    public static final String ATTEMPT_HEADER = "X-Newsflow-Attempt";
    public static final String EVENT_PUBLISHED = "article.published";

    public WebhookRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * The request for the next attempt of {@code delivery} to {@code subscription} (attempts count from 1), made at
     * {@code now}: the time it signs ({@link WebhookSignature}).
     */
    public static WebhookRequest of(Subscription subscription, PendingDelivery delivery, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(WebhookSignature.ID_HEADER, delivery.deliveryId());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()));
        headers.put(WebhookSignature.STANDARD_HEADER, WebhookSignature.signStandard(subscription.secret(),
                delivery.deliveryId(), now.getEpochSecond(), delivery.body()));
        headers.put(WebhookSignature.HEADER, WebhookSignature.sign(subscription.secret(), delivery.body()));
        headers.put(DELIVERY_HEADER, delivery.deliveryId());
        headers.put(EVENT_HEADER, EVENT_PUBLISHED);
        headers.put(ATTEMPT_HEADER, Integer.toString(delivery.attempts() + 1));
        headers.put("User-Agent", "newsflow-webhooks/1");
        if (delivery.traceparent() != null) {
            headers.put("traceparent", delivery.traceparent());
        }
        return new WebhookRequest(delivery.deliveryId(), URI.create(subscription.url()), delivery.body(), headers);
    }
}
