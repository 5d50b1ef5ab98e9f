package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightWritesTest {

    private final InFlightWrites writes = new InFlightWrites();

    @Test
    void closingRefusesNewWritesAndWaitsForTheAdmittedOnes() throws Exception {
        assertThat(writes.enter()).isTrue();
        assertThat(writes.enter()).isTrue();

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return writes.closeAndAwait(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writes.enter()) { // until the drain has closed the door
            writes.exit();
            assertThat(System.nanoTime()).isLessThan(deadline);
        }
        writes.exit();
        assertThat(drained).isNotDone();
        writes.exit();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(writes.count()).isZero();
        assertThat(writes.enter()).isFalse();
    }

    @Test
    void reportsWritesStillRunningAtTheDeadline() throws Exception {
        assertThat(writes.enter()).isTrue();

        assertThat(writes.closeAndAwait(Duration.ofMillis(50))).isFalse();
        assertThat(writes.count()).isEqualTo(1);
    }
}
