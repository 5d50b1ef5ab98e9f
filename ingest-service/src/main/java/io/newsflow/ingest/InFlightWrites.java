package io.newsflow.ingest;

import java.time.Duration;

/**
 * Counts the requests that are writing to Kafka, so that a stop can refuse new ones and wait for those already
 * accepted: a request whose article reached the broker gets its 202 before the server goes away.
 */
final class InFlightWrites {

    private int inFlight;
    private boolean closed;

    /** Admits one request; false once closed (the caller answers 503). Every admitted request must {@link #exit()}. */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void exit() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** Admits no more and waits for the admitted ones to finish; false when some were still running at the deadline. */
    synchronized boolean closeAndAwait(Duration timeout) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized int count() {
        return inFlight;
    }
}
