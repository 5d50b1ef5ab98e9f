package io.newsflow.contract.config;

/**
 * One environment variable a newsflow process reads, as README's "Configuration" table shows it.
 *
 * @param name the variable, e.g. {@code NEWSFLOW_INGEST_MAX_BYTES}; a name ending in {@code _*} stands for a family
 *             of variables sharing that prefix (the Kafka pass-through settings, see {@link KafkaPassThrough})
 * @param defaultValue what applies when it is unset, as Markdown (e.g. {@code `8081`} or {@code the broker's default})
 * @param meaning what it sets, as Markdown
 */
public record Setting(String name, String defaultValue, String meaning) {

    public Setting {
        if (name == null || !name.matches("[A-Z][A-Z0-9_]*[A-Z0-9](_\\*)?")) {
            throw new IllegalArgumentException("not a setting name: " + name);
        }
        if (defaultValue == null || defaultValue.isBlank() || meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException(name + ": a setting needs a default and a meaning");
        }
        if (defaultValue.contains("|") || meaning.contains("|") || defaultValue.contains("\n")
                || meaning.contains("\n")) {
            throw new IllegalArgumentException(name + ": default and meaning must fit one Markdown table cell");
        }
    }

    /** True for a family such as {@code KAFKA_PRODUCER_*}. */
    public boolean isFamily() {
        return name.endsWith("*");
    }

    /** The prefix a family's variables start with ({@code KAFKA_PRODUCER_}); the name itself for one variable. */
    public String prefix() {
        return isFamily() ? name.substring(0, name.length() - 1) : name;
    }
}
