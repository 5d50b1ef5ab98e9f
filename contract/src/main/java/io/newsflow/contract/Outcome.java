package io.newsflow.contract;

import java.util.function.Function;

/** The result of a pipeline step: a value, or the rejection that explains why there is none. Never null. */
public sealed interface Outcome<T> {

    record Accepted<T>(T value) implements Outcome<T> {
    }

    record Rejected<T>(Rejection rejection) implements Outcome<T> {
    }

    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Outcome<T> rejected(String error, String reason) {
        return new Rejected<>(new Rejection(error, reason));
    }

    /** Runs a step; an exception it throws becomes a rejection naming the exception, so no record is lost to it. */
    static <I, O> Outcome<O> attempt(I input, Function<I, Outcome<O>> step) {
        try {
            return step.apply(input);
        } catch (RuntimeException e) {
            return new Rejected<>(Rejection.of(e));
        }
    }

    default <R> Outcome<R> flatMap(Function<T, Outcome<R>> next) {
        if (this instanceof Accepted<T> accepted) {
            return next.apply(accepted.value());
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }
}
