package io.newsflow.contract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service's {@code main} wraps its start in: a setting the service cannot use (unknown, or a value it
 * refuses) stops it with one line naming the setting and status {@value #EXIT_BAD_SETTINGS}, not a stack trace.
 */
public final class ServiceMain {

    /** sysexits' EX_USAGE, what the launcher answers a bad command line or setting with too. */
    public static final int EXIT_BAD_SETTINGS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

    private ServiceMain() {
    }

    /** A service's start, from reading its settings to running until shutdown. */
    @FunctionalInterface
    public interface Start {
        void run() throws InterruptedException;
    }

    public static void run(String name, Start start) throws InterruptedException {
        try {
            start.run();
        } catch (IllegalArgumentException e) {
            LOG.error("{} cannot start: {}", name, e.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
        }
    }
}
