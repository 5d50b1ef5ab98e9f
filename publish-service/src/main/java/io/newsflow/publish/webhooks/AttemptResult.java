package io.newsflow.publish.webhooks;

/** What one POST to a receiver came to. */
public sealed interface AttemptResult {

    /** A 2xx answer: the delivery is done. */
    record Delivered(int status) implements AttemptResult {
    }

    /** Anything else: another status, a connection error, a time-out; {@code reason} says which, for people. */
    record Failed(String reason) implements AttemptResult {
    }
}
