package io.newsflow.contract.health;

import io.newsflow.contract.Service;
import io.newsflow.contract.config.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Whether the Kafka cluster answers: a background thread asks it to describe itself every {@link #INTERVAL}, each
 * question bounded by {@link #TIMEOUT}, and readiness reads the last answer, so an HTTP probe never waits on Kafka.
 * Not ready until the first answer, within {@code INTERVAL + TIMEOUT} of the cluster going away, and again within
 * about {@code INTERVAL} of it coming back. Streams clients alone do not tell: they stay {@code RUNNING} for minutes
 * while the broker is gone, retrying.
 */
public final class ClusterProbe implements HealthIndicator, Service {

    public static final Duration INTERVAL = Duration.ofSeconds(1);
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String NAME = "kafka";

    /** Asks the cluster to describe itself within the timeout; returns a short description or throws. */
    @FunctionalInterface
    public interface Cluster {
        String describe(Duration timeout) throws Exception;
    }

    private record Answer(boolean reached, Instant at, String detail) {
    }

    private final Cluster cluster;
    private final AutoCloseable resource;
    private final Clock clock;
    private volatile Answer last;
    private ScheduledExecutorService scheduler;

    ClusterProbe(Cluster cluster, AutoCloseable resource, Clock clock) {
        this.cluster = cluster;
        this.resource = resource;
        this.clock = clock;
    }

    /** A probe with an Admin client of its own ({@code clientId}), configured like every newsflow admin client. */
    public static ClusterProbe of(KafkaSettings kafka, String clientId) {
        Admin admin = Admin.create(kafka.adminConfig(clientId));
        return new ClusterProbe(timeout -> describe(admin, timeout), () -> admin.close(TIMEOUT), Clock.systemUTC());
    }

    private static String describe(Admin admin, Duration timeout) throws Exception {
        DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions()
                .timeoutMs((int) timeout.toMillis()));
        try {
            int brokers = result.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            String id = result.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return "cluster " + id + ", " + brokers + (brokers == 1 ? " broker" : " brokers");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probe, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the Kafka health probe", e);
        }
    }

    /** One question to the cluster; what readiness reports until the next. */
    void probe() {
        try {
            String detail = cluster.describe(TIMEOUT);
            last = new Answer(true, clock.instant(), detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            last = new Answer(false, clock.instant(), "no answer within " + TIMEOUT.toMillis() + " ms: " + e);
        }
    }

    /** The cluster's reachability says nothing about whether this process is broken: clients reconnect by themselves. */
    @Override
    public Optional<HealthCheck> liveness() {
        return Optional.empty();
    }

    @Override
    public HealthCheck readiness() {
        Answer answer = last;
        if (answer == null) {
            return HealthCheck.down(NAME, "UNKNOWN", "not asked yet");
        }
        Duration age = Duration.between(answer.at(), clock.instant());
        if (!answer.reached()) {
            return HealthCheck.down(NAME, "UNREACHABLE", answer.detail());
        }
        if (age.compareTo(INTERVAL.plus(TIMEOUT)) > 0) {
            return HealthCheck.down(NAME, "UNKNOWN", "last answer " + age.toMillis() + " ms ago; the probe is stuck");
        }
        return HealthCheck.up(NAME, "REACHABLE", answer.detail());
    }
}
