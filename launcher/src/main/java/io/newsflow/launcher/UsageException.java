package io.newsflow.launcher;

/** A command line the launcher cannot act on; the message says what is wrong. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
