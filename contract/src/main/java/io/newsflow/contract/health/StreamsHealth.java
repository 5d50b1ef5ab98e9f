package io.newsflow.contract.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * The health of one Kafka Streams app, from its state, its stream threads and its history.
 * <ul>
 *   <li>Live unless it has failed: {@code ERROR} or {@code PENDING_ERROR}; {@code NOT_RUNNING} or
 *   {@code PENDING_SHUTDOWN} that nobody asked for; or running with no stream thread left alive.</li>
 *   <li>Ready when {@code RUNNING} with a live stream thread. {@code REBALANCING} counts as ready only once the app
 *   has been {@code RUNNING} and for at most {@link #REBALANCE_GRACE}: every member of a group rebalances together
 *   (each scale-out, restart or deploy), so treating a routine rebalance as not ready would take every instance out
 *   of the load balancer at once, while their stores stay queryable; the first rebalance after start (stores not
 *   restored yet) and one that drags on (a long restore) are not ready.</li>
 * </ul>
 * Fed by the app's state listener ({@link #transition}), which must be registered before the app starts.
 */
public final class StreamsHealth implements HealthIndicator {

    /** How long a rebalance of an app that was running keeps it ready. */
    public static final Duration REBALANCE_GRACE = Duration.ofSeconds(30);

    /**
     * What the health of a Streams app depends on.
     *
     * @param state         the app's state
     * @param aliveThreads  stream threads neither dead nor shutting down
     * @param stopRequested whether the service asked the app to close (a deliberate stop is not a failure)
     * @param everRunning   whether the app has reached {@code RUNNING} since it started
     * @param inState       how long it has been in {@code state}
     */
    public record Snapshot(State state, int aliveThreads, boolean stopRequested, boolean everRunning,
                           Duration inState) {
    }

    private final String name;
    private final Supplier<State> state;
    private final Supplier<Set<ThreadMetadata>> threads;
    private final Clock clock;
    private volatile boolean everRunning;
    private volatile boolean stopRequested;
    private volatile Instant since;

    public StreamsHealth(String applicationId, KafkaStreams streams, Clock clock) {
        this(applicationId, streams::state, streams::metadataForLocalThreads, clock);
    }

    StreamsHealth(String applicationId, Supplier<State> state, Supplier<Set<ThreadMetadata>> threads, Clock clock) {
        this.name = "streams:" + applicationId;
        this.state = state;
        this.threads = threads;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** To be called from the app's state listener. */
    public void transition(State now) {
        since = clock.instant();
        if (now == State.RUNNING) {
            everRunning = true;
        }
    }

    /** To be called before the service closes the app: what follows is a stop, not a failure. */
    public void stopRequested() {
        stopRequested = true;
    }

    @Override
    public Optional<HealthCheck> liveness() {
        return Optional.of(live(name, snapshot()));
    }

    @Override
    public HealthCheck readiness() {
        return ready(name, snapshot());
    }

    Snapshot snapshot() {
        State current = state.get();
        int alive = (int) threads.get().stream()
                .filter(thread -> !thread.threadState().equals("DEAD")
                        && !thread.threadState().equals("PENDING_SHUTDOWN"))
                .count();
        return new Snapshot(current, alive, stopRequested, everRunning, Duration.between(since, clock.instant()));
    }

    /** Whether an app in this situation lets its process be live. */
    public static HealthCheck live(String name, Snapshot s) {
        String state = s.state().name();
        return switch (s.state()) {
            case ERROR, PENDING_ERROR -> HealthCheck.down(name, state, "the Streams app failed; restart the process");
            case PENDING_SHUTDOWN, NOT_RUNNING -> s.stopRequested() ? HealthCheck.up(name, state, "stopping as asked")
                    : HealthCheck.down(name, state, "the Streams app stopped without being asked; restart the process");
            case CREATED -> HealthCheck.up(name, state, "not started yet");
            case RUNNING, REBALANCING -> s.aliveThreads() > 0 ? HealthCheck.up(name, state, threads(s))
                    : HealthCheck.down(name, state, "no stream thread is alive");
        };
    }

    /** Whether an app in this situation lets its service take work. */
    public static HealthCheck ready(String name, Snapshot s) {
        String state = s.state().name();
        if (s.stopRequested()) {
            return HealthCheck.down(name, state, "stopping");
        }
        if (s.aliveThreads() == 0 && (s.state() == State.RUNNING || s.state() == State.REBALANCING)) {
            return HealthCheck.down(name, state, "no stream thread is alive");
        }
        return switch (s.state()) {
            case RUNNING -> HealthCheck.up(name, state, threads(s));
            case REBALANCING -> {
                if (!s.everRunning()) {
                    yield HealthCheck.down(name, state, "starting: partitions are being assigned and state restored");
                }
                if (s.inState().compareTo(REBALANCE_GRACE) > 0) {
                    yield HealthCheck.down(name, state, "rebalancing for over " + REBALANCE_GRACE.toSeconds() + " s");
                }
                yield HealthCheck.up(name, state, "rebalancing after running; still serving (for up to "
                        + REBALANCE_GRACE.toSeconds() + " s)");
            }
            case CREATED -> HealthCheck.down(name, state, "not started yet");
            default -> HealthCheck.down(name, state, live(name, s).detail());
        };
    }

    private static String threads(Snapshot s) {
        return s.aliveThreads() + (s.aliveThreads() == 1 ? " stream thread alive" : " stream threads alive");
    }
}
