package io.newsflow.launcher.faults;

import java.util.concurrent.TimeUnit;

/** Phase lines of fault tests on the test's output: where the time went when a run is slow or fails. */
final class FaultLog {

    private FaultLog() {
    }

    static void phase(String run, long startedNanos, String what) {
        System.out.printf("[faults %s +%.1f s] %s%n", run,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos) / 1000.0, what);
    }
}
