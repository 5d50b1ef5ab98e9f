package io.newsflow.contract.streams;

import io.newsflow.contract.Service;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.health.StreamsHealth;
import io.newsflow.contract.metrics.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one topology as a {@link Service}: the lifecycle shared by every Streams-based newsflow service. */
public final class StreamsService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final String name;
    private final StreamsHealth health;
    private final AutoCloseable unbindMetrics;

    public StreamsService(PipelineSettings settings, String service, Topology topology, ServiceMetrics metrics) {
        this(settings, service, topology, Set.of(), metrics);
    }

    /**
     * @param observedTopics topics the topology reads but does not own (see {@link DeadLetterHandler})
     * @param metrics the service's metrics: its dead letters are counted there, and the app's metrics bound to it
     */
    public StreamsService(PipelineSettings settings, String service, Topology topology, Set<String> observedTopics,
                          ServiceMetrics metrics) {
        this.name = settings.applicationId(service);
        this.streams = new KafkaStreams(topology, StreamsSettings.forService(settings, service, observedTopics,
                metrics.meters()));
        this.unbindMetrics = metrics.bind(streams, name);
        // A failed thread is replaced rather than left dead: the service keeps consuming after an unexpected error.
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("{}: stream thread failed; replacing it", name, error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.health = new StreamsHealth(name, streams, Clock.systemUTC());
        streams.setStateListener((now, before) -> {
            health.transition(now);
            LOG.info("{}: {} -> {}", name, before, now);
        });
    }

    /** This app's part in its service's health. */
    public StreamsHealth health() {
        return health;
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stream threads that failed since the start (each was replaced): Kafka Streams' {@code failed-stream-threads}.
     * Records that cannot be read or processed are dead-lettered or skipped, so a failed thread means a bug or a
     * broken cluster, never a bad record.
     */
    public int failedThreads() {
        return streams.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals("failed-stream-threads")
                        && entry.getKey().group().equals("stream-metrics"))
                .mapToInt(entry -> ((Number) entry.getValue().metricValue()).intValue())
                .sum();
    }

    @Override
    public void start() {
        streams.start();
    }

    /**
     * Closes the streams, committing what was processed (with exactly-once: the open transaction), and leaves the
     * consumer group so that a restarted or surviving instance takes the partitions over at once instead of after the
     * session time-out; waits up to 30 s, and throws if that was not enough.
     */
    @Override
    public void stop() {
        health.stopRequested();
        if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT))) {
            throw new IllegalStateException(name + ": did not close within " + CLOSE_TIMEOUT.toSeconds() + " s");
        }
        try {
            unbindMetrics.close();
        } catch (Exception e) {
            LOG.warn("{}: unbinding its metrics failed", name, e);
        }
        LOG.info("{}: closed; what it processed is committed", name);
    }
}
