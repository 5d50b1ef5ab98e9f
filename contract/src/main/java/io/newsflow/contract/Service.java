package io.newsflow.contract;

/** A running part of the pipeline: started once, stopped once; {@link #stop()} drains what is in flight. */
public interface Service extends AutoCloseable {

    void start();

    void stop();

    @Override
    default void close() {
        stop();
    }
}
