package io.newsflow.publish.webhooks;

import io.newsflow.contract.config.Env;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration in the environment: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 2d} or ISO 8601. */
final class DurationSetting {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private DurationSetting() {
    }

    static Duration read(Env env, String name, Duration defaultValue) {
        return env.optional(name).map(value -> parse(name, value)).orElse(defaultValue);
    }

    static Duration parse(String name, String value) {
        Matcher matcher = SHORT.matcher(value);
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + "=" + value
                        + " is not a duration: use e.g. 500ms, 5s, 10m, 1h, 2d or ISO 8601 (PT5S)", e);
            }
        }
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException(name + "=" + value + " is too short: at least 1ms");
        }
        return duration;
    }

    /** How a duration reads in a message: {@code 3 s}, {@code 250 ms}, {@code 24 h}. */
    static String words(Duration duration) {
        if (duration.toMillis() % 3_600_000 == 0) {
            return duration.toHours() + " h";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + " min";
        }
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }
}
