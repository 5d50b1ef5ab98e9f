package io.newsflow.contract.health;

import java.util.Optional;

/** One part of a service that has a say in its health: a Streams app, the connection to Kafka, the service itself. */
public interface HealthIndicator {

    /** Whether this part lets the process be live (empty: it has no bearing on liveness). Must not block. */
    Optional<HealthCheck> liveness();

    /** Whether this part lets the service take work. Must not block. */
    HealthCheck readiness();
}
