package io.newsflow.contract.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.health.StreamsHealth.Snapshot;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamsHealthTest {

    private static final String NAME = "streams:run-enrich";

    /** state, alive threads, stop requested, ever running, seconds in state -> live, ready, detail of ready. */
    @ParameterizedTest(name = "{0} threads={1} stop={2} everRunning={3} {4}s -> live={5} ready={6}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATED          | 0 | false | false | 0  | true  | false | not started yet
            REBALANCING      | 1 | false | false | 1  | true  | false | starting: partitions are being assigned and state restored
            RUNNING          | 1 | false | true  | 5  | true  | true  | 1 stream thread alive
            RUNNING          | 2 | false | true  | 5  | true  | true  | 2 stream threads alive
            RUNNING          | 0 | false | true  | 5  | false | false | no stream thread is alive
            REBALANCING      | 1 | false | true  | 30 | true  | true  | rebalancing after running; still serving (for up to 30 s)
            REBALANCING      | 1 | false | true  | 31 | true  | false | rebalancing for over 30 s
            REBALANCING      | 0 | false | true  | 1  | false | false | no stream thread is alive
            PENDING_ERROR    | 1 | false | true  | 0  | false | false | the Streams app failed; restart the process
            ERROR            | 0 | false | true  | 0  | false | false | the Streams app failed; restart the process
            ERROR            | 0 | true  | true  | 0  | false | false | stopping
            PENDING_SHUTDOWN | 1 | false | true  | 0  | false | false | the Streams app stopped without being asked; restart the process
            NOT_RUNNING      | 0 | false | true  | 0  | false | false | the Streams app stopped without being asked; restart the process
            PENDING_SHUTDOWN | 1 | true  | true  | 0  | true  | false | stopping
            NOT_RUNNING      | 0 | true  | true  | 0  | true  | false | stopping
            RUNNING          | 1 | true  | true  | 0  | true  | false | stopping
            """)
    void mapsEachSituationToLiveAndReady(State state, int threads, boolean stop, boolean everRunning, int seconds,
                                         boolean live, boolean ready, String readyDetail) {
        Snapshot snapshot = new Snapshot(state, threads, stop, everRunning, Duration.ofSeconds(seconds));

        assertThat(StreamsHealth.live(NAME, snapshot)).extracting(HealthCheck::name, HealthCheck::up,
                HealthCheck::state).containsExactly(NAME, live, state.name());
        assertThat(StreamsHealth.ready(NAME, snapshot))
                .isEqualTo(new HealthCheck(NAME, ready, state.name(), readyDetail));
    }

    @Test
    void tracksTheAppThroughStartRebalanceAndStop() {
        TestClock clock = new TestClock();
        AtomicReference<State> state = new AtomicReference<>(State.CREATED);
        AtomicReference<Set<ThreadMetadata>> threads = new AtomicReference<>(Set.of());
        StreamsHealth health = new StreamsHealth("run-enrich", state::get, threads::get, clock);

        assertThat(health.readiness().up()).isFalse();
        move(health, state, State.REBALANCING);
        threads.set(Set.of(thread("STARTING")));
        assertThat(health.liveness()).hasValueSatisfying(check -> assertThat(check.up()).isTrue());
        assertThat(health.readiness().detail()).isEqualTo("starting: partitions are being assigned and state restored");

        move(health, state, State.RUNNING);
        threads.set(Set.of(thread("RUNNING"), thread("DEAD")));
        assertThat(health.readiness()).isEqualTo(HealthCheck.up(NAME, "RUNNING", "1 stream thread alive"));

        move(health, state, State.REBALANCING);
        clock.advance(Duration.ofSeconds(30));
        assertThat(health.readiness().up()).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(health.readiness()).isEqualTo(HealthCheck.down(NAME, "REBALANCING", "rebalancing for over 30 s"));

        threads.set(Set.of(thread("PENDING_SHUTDOWN")));
        assertThat(health.liveness()).hasValue(HealthCheck.down(NAME, "REBALANCING", "no stream thread is alive"));

        health.stopRequested();
        move(health, state, State.NOT_RUNNING);
        threads.set(Set.of());
        assertThat(health.liveness()).hasValue(HealthCheck.up(NAME, "NOT_RUNNING", "stopping as asked"));
        assertThat(health.readiness()).isEqualTo(HealthCheck.down(NAME, "NOT_RUNNING", "stopping"));
    }

    private static void move(StreamsHealth health, AtomicReference<State> state, State to) {
        state.set(to);
        health.transition(to);
    }

    /** ThreadMetadata is an interface of many methods; health reads only the thread's state. */
    private static ThreadMetadata thread(String threadState) {
        return (ThreadMetadata) Proxy.newProxyInstance(ThreadMetadata.class.getClassLoader(),
                new Class<?>[] {ThreadMetadata.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "threadState" -> threadState;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
