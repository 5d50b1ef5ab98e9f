package io.newsflow.publish;

/**
 * A request the publish API cannot answer as asked. {@link PublishHttpServer} turns it into a 400 problem document
 * whose detail is this message, so the message says what to change.
 */
public final class BadRequest extends RuntimeException {

    public BadRequest(String message) {
        super(message);
    }
}
