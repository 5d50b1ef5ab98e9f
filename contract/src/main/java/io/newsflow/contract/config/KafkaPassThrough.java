package io.newsflow.contract.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka client settings passed through the environment: {@code KAFKA_CLIENT_*} to every client,
 * {@code KAFKA_PRODUCER_*}, {@code KAFKA_CONSUMER_*}, {@code KAFKA_ADMIN_*} and {@code KAFKA_STREAMS_*} to one kind.
 * A variable names a Kafka setting by its rest, lower-cased, {@code _} turned into {@code .}
 * ({@code KAFKA_PRODUCER_LINGER_MS} is {@code linger.ms}).
 *
 * <p>{@link #problem} checks that the setting exists for that kind of client and that the value parses as Kafka would
 * parse it: a client given an unknown setting only logs "supplied but isn't a known config" and goes on without it.
 */
public enum KafkaPassThrough {
    CLIENT("KAFKA_CLIENT_", "setting of every Kafka client (producer, consumer, admin)"),
    PRODUCER("KAFKA_PRODUCER_", "producer setting"),
    CONSUMER("KAFKA_CONSUMER_", "consumer setting"),
    ADMIN("KAFKA_ADMIN_", "admin client setting"),
    STREAMS("KAFKA_STREAMS_", "Kafka Streams setting");

    private final String prefix;
    private final String what;

    KafkaPassThrough(String prefix, String what) {
        this.prefix = prefix;
        this.what = what;
    }

    /** The variables' prefix, e.g. {@code KAFKA_PRODUCER_}. */
    public String prefix() {
        return prefix;
    }

    /** The kind whose prefix {@code variable} has (and something after it). */
    public static Optional<KafkaPassThrough> of(String variable) {
        return Arrays.stream(values())
                .filter(kind -> variable.startsWith(kind.prefix) && variable.length() > kind.prefix.length())
                .findFirst();
    }

    /** The Kafka setting a variable of this kind names: {@code KAFKA_PRODUCER_LINGER_MS} is {@code linger.ms}. */
    public String configName(String variable) {
        return variable.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The variable of this kind that sets {@code config}. */
    public String variable(String config) {
        return prefix + config.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** What is wrong with {@code variable=value}, naming the variable; empty when a client of this kind takes it. */
    public Optional<String> problem(String variable, String value) {
        String config = configName(variable);
        Optional<Definition> definition = definition(config);
        if (definition.isEmpty()) {
            return Optional.of(variable + ": " + config + " is not a " + what + elsewhere(config)
                    + ClosestName.among(config, names()).map(near -> "; did you mean " + variable(near) + " ("
                    + near + ")?").orElse(""));
        }
        return definition.get().key().flatMap(key -> invalid(variable, config, key, value));
    }

    private String elsewhere(String config) {
        if (this != CLIENT) {
            return "";
        }
        List<String> kinds = new ArrayList<>();
        for (KafkaPassThrough kind : List.of(PRODUCER, CONSUMER, ADMIN)) {
            if (kind.definition(config).isPresent()) {
                kinds.add(kind.variable(config));
            }
        }
        return kinds.isEmpty() ? "" : " (use " + String.join(" or ", kinds) + ")";
    }

    private static Optional<String> invalid(String variable, String config, ConfigDef.ConfigKey key, String value) {
        try {
            Object parsed = ConfigDef.parseType(config, value, key.type);
            if (key.validator != null) {
                key.validator.ensureValid(config, parsed);
            }
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(variable + " is not a valid " + config + ": " + e.getMessage());
        }
    }

    /** A Kafka setting this kind takes; its key is absent where Kafka types it nowhere a client can see (topic.*). */
    private record Definition(Optional<ConfigDef.ConfigKey> key) {
    }

    private Optional<Definition> definition(String config) {
        return switch (this) {
            case PRODUCER -> typed(Defs.PRODUCER, config);
            case CONSUMER -> typed(Defs.CONSUMER, config);
            case ADMIN -> typed(Defs.ADMIN, config);
            case CLIENT -> Defs.CONSUMER.configKeys().containsKey(config)
                    && Defs.ADMIN.configKeys().containsKey(config) ? typed(Defs.PRODUCER, config) : Optional.empty();
            case STREAMS -> streams(config);
        };
    }

    /**
     * Kafka Streams takes its own settings, any client's (handed on to its clients), a client's behind that client's
     * prefix ({@code producer.}, {@code main.consumer.}, ...), a topic setting behind {@code topic.} and any client
     * tag behind {@code client.tag.}.
     */
    private static Optional<Definition> streams(String config) {
        for (Map.Entry<String, ConfigDef> prefixed : Defs.STREAMS_CLIENT_PREFIXES.entrySet()) {
            if (config.startsWith(prefixed.getKey())) {
                return typed(prefixed.getValue(), config.substring(prefixed.getKey().length()));
            }
        }
        if (config.startsWith(StreamsConfig.TOPIC_PREFIX)) {
            return Defs.TOPIC.contains(config.substring(StreamsConfig.TOPIC_PREFIX.length()))
                    ? Optional.of(new Definition(Optional.empty())) : Optional.empty();
        }
        if (config.startsWith(StreamsConfig.CLIENT_TAG_PREFIX)
                && config.length() > StreamsConfig.CLIENT_TAG_PREFIX.length()) {
            return Optional.of(new Definition(Optional.empty()));
        }
        for (ConfigDef def : List.of(Defs.STREAMS, Defs.PRODUCER, Defs.CONSUMER, Defs.ADMIN)) {
            Optional<Definition> found = typed(def, config);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Definition> typed(ConfigDef def, String config) {
        return Optional.ofNullable(def.configKeys().get(config)).map(key -> new Definition(Optional.of(key)));
    }

    /** The Kafka settings of this kind, for suggestions. */
    private Set<String> names() {
        Set<String> names = new TreeSet<>();
        switch (this) {
            case PRODUCER -> names.addAll(Defs.PRODUCER.names());
            case CONSUMER -> names.addAll(Defs.CONSUMER.names());
            case ADMIN -> names.addAll(Defs.ADMIN.names());
            case CLIENT -> {
                names.addAll(Defs.PRODUCER.names());
                names.retainAll(Defs.CONSUMER.names());
                names.retainAll(Defs.ADMIN.names());
            }
            case STREAMS -> {
                names.addAll(Defs.STREAMS.names());
                names.addAll(Defs.PRODUCER.names());
                names.addAll(Defs.CONSUMER.names());
                names.addAll(Defs.ADMIN.names());
            }
        }
        return names;
    }

    /** Kafka's own definitions, built once. */
    private static final class Defs {
        static final ConfigDef PRODUCER = ProducerConfig.configDef();
        static final ConfigDef CONSUMER = ConsumerConfig.configDef();
        static final ConfigDef ADMIN = AdminClientConfig.configDef();
        static final ConfigDef STREAMS = StreamsConfig.configDef();
        /** Longest first: {@code main.consumer.} before {@code consumer.}. */
        static final Map<String, ConfigDef> STREAMS_CLIENT_PREFIXES = linked(
                StreamsConfig.MAIN_CONSUMER_PREFIX, CONSUMER,
                StreamsConfig.RESTORE_CONSUMER_PREFIX, CONSUMER,
                StreamsConfig.GLOBAL_CONSUMER_PREFIX, CONSUMER,
                StreamsConfig.CONSUMER_PREFIX, CONSUMER,
                StreamsConfig.PRODUCER_PREFIX, PRODUCER,
                StreamsConfig.ADMIN_CLIENT_PREFIX, ADMIN);
        static final Set<String> TOPIC = topicConfigs();

        private Defs() {
        }

        private static Map<String, ConfigDef> linked(Object... pairs) {
            Map<String, ConfigDef> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put((String) pairs[i], (ConfigDef) pairs[i + 1]);
            }
            return map;
        }

        /** Topic settings: the clients know them only as TopicConfig's {@code *_CONFIG} constants. */
        private static Set<String> topicConfigs() {
            Set<String> names = new TreeSet<>();
            for (Field field : TopicConfig.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && field.getName().endsWith("_CONFIG")) {
                    try {
                        names.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return names;
        }
    }
}
