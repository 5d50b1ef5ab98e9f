package io.newsflow.contract;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service until the JVM is asked to stop (SIGTERM, Ctrl-C), then drains it: what every main does.
 *
 * <p>Exit status after SIGTERM: {@value #EXIT_TERMINATED} (128 + 15, the JVM's own status for SIGTERM, which a
 * shutdown hook cannot change short of halting) once the service drained cleanly, i.e. its {@link Service#stop()}
 * returned; {@value #EXIT_UNCLEAN} when the stop threw or took longer than {@link #DRAIN_TIMEOUT}, in which case the
 * JVM is halted. A supervisor can so tell a clean stop from a lossy one (systemd: {@code SuccessExitStatus=143}).
 */
public final class ServiceRunner {

    /** The longest a stop may take before the process is halted: above the 30 s each Streams app may take to close. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    public static final int EXIT_TERMINATED = 143;
    public static final int EXIT_UNCLEAN = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /**
     * Starts the service and blocks until the JVM shuts down and the service has drained. If the start fails, stops
     * what was started and rethrows.
     */
    public static void runUntilShutdown(String name, Service service) throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (stopping.compareAndSet(false, true)) {
                drain(name, service, drained);
            }
        }, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.start();
        } catch (RuntimeException e) {
            LOG.error("{}: failed to start; stopping what was started", name, e);
            if (stopping.compareAndSet(false, true)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                try {
                    service.stop();
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            throw e;
        }
        LOG.info("{}: started", name);
        drained.await();
    }

    /** Runs in the shutdown hook: stops the service within {@link #DRAIN_TIMEOUT}, or halts the JVM. */
    private static void drain(String name, Service service, CountDownLatch drained) {
        long started = System.nanoTime();
        LOG.info("{}: shutdown requested; draining in-flight work (at most {} s)", name, DRAIN_TIMEOUT.toSeconds());
        Thread watchdog = new Thread(() -> {
            try {
                if (!drained.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.error("{}: not drained within {} s; halting with status {}", name, DRAIN_TIMEOUT.toSeconds(),
                            EXIT_UNCLEAN);
                    Runtime.getRuntime().halt(EXIT_UNCLEAN);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-drain-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            service.stop();
            LOG.info("{}: drained and stopped cleanly in {} ms", name,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            LOG.error("{}: did not stop cleanly; halting with status {}", name, EXIT_UNCLEAN, e);
            Runtime.getRuntime().halt(EXIT_UNCLEAN);
        } finally {
            drained.countDown();
        }
    }
}
