package io.newsflow.contract;

/** A running part of the pipeline: started once, stopped once; {@link #stop()} drains what is in flight. */
public interface Service extends AutoCloseable {

    void start();

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
                for (int i = ordered.size() - 1; i >= 0; i--) {
                    ordered.get(i).stop();
                }
            }
        };
    }
}
