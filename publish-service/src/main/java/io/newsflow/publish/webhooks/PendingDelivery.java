package io.newsflow.publish.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One article on its way to one subscriber (the webhook app's state store value): kept from the moment the article
 * is read until a receiver answers 2xx or the delivery is parked, so a restart goes on where it stopped.
 *
 * @param deliveryId      {@code subscription/uri/version}: the same on every attempt, so receivers can dedupe
 * @param body            the exact bytes of the ninjs document as read from news.published (what is signed)
 * @param traceparent     the article's W3C trace context, passed on to the receiver, if it had one
 * @param sourceTopic     where the article was read, for the dead-letter headers (also partition and offset)
 * @param createdAt       when the article reached the webhook app; the retry window starts here
 * @param attempts        attempts that failed so far
 * @param nextAttemptAt   when it is due
 * @param lastError       what the last failed attempt got, e.g. {@code HTTP 500}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingDelivery(String deliveryId, String subscriptionId, String articleUri, String version,
                              byte[] body, String traceparent, String sourceTopic, int sourcePartition,
                              long sourceOffset, Instant createdAt, int attempts, Instant nextAttemptAt,
                              String lastError) {

    public static String deliveryId(String subscriptionId, String articleUri, String version) {
        return subscriptionId + "/" + articleUri + "/" + version;
    }

    public PendingDelivery failed(String error, Instant next) {
        return new PendingDelivery(deliveryId, subscriptionId, articleUri, version, body, traceparent, sourceTopic,
                sourcePartition, sourceOffset, createdAt, attempts + 1, next, error);
    }
}
