package io.newsflow.contract.health;

import java.util.Objects;

/**
 * How one thing a service depends on stands right now, as a health endpoint names it.
 *
 * @param name   what was checked: {@code service}, {@code kafka}, {@code streams:<application id>}
 * @param up     whether it lets the service be live (or ready, depending on the question asked)
 * @param state  a short word for its state: a Kafka Streams state, {@code REACHABLE}, {@code STOPPING}...
 * @param detail why, in words an operator can act on; may be null
 */
public record HealthCheck(String name, boolean up, String state, String detail) {

    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public static HealthCheck up(String name, String state, String detail) {
        return new HealthCheck(name, true, state, detail);
    }

    public static HealthCheck down(String name, String state, String detail) {
        return new HealthCheck(name, false, state, detail);
    }
}
