package io.newsflow.contract;

/** A running part of the pipeline: started once, stopped once; {@link #stop()} drains what is in flight. */
public interface Service extends AutoCloseable {

    void start();

    /**
     * Drains what is in flight and releases everything; returns only once done. Throws when something could not be
     * drained or closed cleanly (after releasing what it could): the caller then knows the stop was not clean.
     */
    void stop();

    @Override
    default void close() {
        stop();
    }

    /** Several services as one: started in order, stopped in reverse (the last started drains first). */
    static Service all(java.util.List<Service> services) {
        java.util.List<Service> ordered = java.util.List.copyOf(services);
        return new Service() {
            @Override
            public void start() {
                ordered.forEach(Service::start);
            }

            @Override
            public void stop() {
                java.util.List<Runnable> steps = new java.util.ArrayList<>();
                for (int i = ordered.size() - 1; i >= 0; i--) {
                    steps.add(ordered.get(i)::stop);
                }
                stopInOrder(steps.toArray(Runnable[]::new));
            }
        };
    }

    /**
     * Runs every step of a stop in order, each even when an earlier one failed (a failed close must not leave the
     * rest open), then throws the first failure with the later ones suppressed.
     */
    static void stopInOrder(Runnable... steps) {
        RuntimeException failure = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
