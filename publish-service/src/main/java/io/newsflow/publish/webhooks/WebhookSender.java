package io.newsflow.publish.webhooks;

import java.util.concurrent.CompletionStage;

/**
 * Sends a webhook request without blocking the caller (the stream thread): the result arrives later. It completes
 * normally in every case; a failure is an {@link AttemptResult.Failed}.
 */
public interface WebhookSender extends AutoCloseable {

    CompletionStage<AttemptResult> send(WebhookRequest request);

    @Override
    default void close() {
    }
}
