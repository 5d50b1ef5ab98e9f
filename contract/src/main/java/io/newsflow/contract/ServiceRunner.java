package io.newsflow.contract;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a service until the JVM is asked to stop (SIGTERM, Ctrl-C), then stops it: what every main does. */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    public static void runUntilShutdown(String name, Service service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{}: stopping", name);
            service.stop();
            stopped.countDown();
        }, name + "-shutdown"));
        service.start();
        LOG.info("{}: started", name);
        stopped.await();
    }
}
