package io.newsflow.contract;

import java.util.Objects;

/**
 * Why a record was not accepted. Travels to {@code news.dlq} as headers beside the record as it was read.
 *
 * @param error  a short, stable code a program can branch on (e.g. {@code empty-body}, {@code invalid-utf8}) or the
 *               exception class of an unexpected failure
 * @param reason a sentence a person can act on
 */
public record Rejection(String error, String reason) {

    public Rejection {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(reason, "reason");
    }

    public static Rejection of(Throwable unexpected) {
        String message = unexpected.getMessage() == null ? "(no message)" : unexpected.getMessage();
        return new Rejection(unexpected.getClass().getName(), message);
    }
}
