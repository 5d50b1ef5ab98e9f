package io.newsflow.contract.config;

import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of an environment map. A value that is present but unusable fails with a message naming the variable,
 * so a typo stops the service at start rather than running with a surprise.
 */
public record Env(Map<String, String> values) {

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        return optional(name).map(value -> parseInt(name, value, min, max)).orElse(defaultValue);
    }

    public String oneOf(String name, String defaultValue, java.util.List<String> allowed) {
        String value = string(name, defaultValue);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + "=" + value + " is not valid: expected one of " + allowed);
        }
        return value;
    }

    private static int parseInt(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + "=" + value + " is out of range: expected " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a whole number", e);
        }
    }
}
