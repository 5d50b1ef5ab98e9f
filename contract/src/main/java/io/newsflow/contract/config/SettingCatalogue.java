package io.newsflow.contract.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment variables one newsflow program reads, declared: README's "Configuration" table is checked against
 * it, and the program refuses at start any {@code NEWSFLOW_*} or {@code KAFKA_*} variable it does not list, naming the
 * variable and the setting it most likely meant. A typo is an error, never a default silently kept.
 *
 * @param owner the program, as messages name it ({@code ingest-service})
 * @param settings its settings, each name once
 */
public record SettingCatalogue(String owner, List<Setting> settings) {

    /**
     * Variables Kafka's own scripts read ({@code bin/kafka-run-class.sh}): a shell set up for Kafka's tools may hold
     * them, and they mean nothing to newsflow, so they are neither read nor refused.
     */
    public static final Set<String> KAFKA_TOOL_VARIABLES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_OPTS", "KAFKA_DEBUG");

    private static final List<String> CHECKED_PREFIXES = List.of("NEWSFLOW_", "KAFKA_");

    public SettingCatalogue {
        settings = List.copyOf(settings);
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting setting : settings) {
            if (byName.put(setting.name(), setting) != null) {
                throw new IllegalArgumentException(owner + ": " + setting.name() + " is listed twice");
            }
            if (setting.isFamily() && Arrays.stream(KafkaPassThrough.values())
                    .noneMatch(kind -> kind.prefix().equals(setting.prefix()))) {
                throw new IllegalArgumentException(owner + ": " + setting.name()
                        + " is no Kafka pass-through prefix, the only families a catalogue can check");
            }
        }
    }

    /**
     * One program's settings made of several parts (the shared ones and its own; for the launcher, every service's).
     * A setting in two parts must read the same in both.
     */
    public static SettingCatalogue of(String owner, SettingCatalogue... parts) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (SettingCatalogue part : parts) {
            for (Setting setting : part.settings()) {
                Setting earlier = byName.putIfAbsent(setting.name(), setting);
                if (earlier != null && !earlier.equals(setting)) {
                    throw new IllegalArgumentException(owner + ": " + setting.name() + " is described twice, "
                            + "differently: " + earlier + " and " + setting);
                }
            }
        }
        return new SettingCatalogue(owner, new ArrayList<>(byName.values()));
    }

    public static SettingCatalogue of(String owner, Setting... settings) {
        return new SettingCatalogue(owner, Arrays.asList(settings));
    }

    public Optional<Setting> setting(String name) {
        return settings.stream().filter(setting -> setting.name().equals(name)).findFirst();
    }

    /** The single variables (families left out). */
    public List<String> variableNames() {
        return settings.stream().filter(setting -> !setting.isFamily()).map(Setting::name).toList();
    }

    /** Fails with every problem of {@code env} that {@link #problems} finds, or returns quietly. */
    public void requireKnown(Env env) {
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems)
                    + " (" + owner + "'s settings: README.md, \"Configuration\")");
        }
    }

    /**
     * What is wrong with the {@code NEWSFLOW_*} and {@code KAFKA_*} variables of {@code env}, one message per
     * variable, in name order: a variable this program does not read, a Kafka pass-through naming no setting of its
     * client, or a pass-through value Kafka would refuse. Other variables ({@code PATH}, ...) are not looked at.
     */
    public List<String> problems(Env env) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(env.values()).forEach((name, value) -> {
            if (CHECKED_PREFIXES.stream().noneMatch(name::startsWith) || setting(name).isPresent()
                    || KAFKA_TOOL_VARIABLES.contains(name)) {
                return;
            }
            Optional<KafkaPassThrough> passThrough = KafkaPassThrough.of(name)
                    .filter(kind -> setting(kind.prefix() + "*").isPresent());
            if (passThrough.isPresent()) {
                passThrough.get().problem(name, value).ifPresent(problems::add);
            } else {
                problems.add(unknown(name));
            }
        });
        return problems;
    }

    private String unknown(String name) {
        String problem = name + " is not a setting of " + owner;
        Optional<String> near = ClosestName.among(name, variableNames());
        if (near.isPresent()) {
            return problem + "; did you mean " + near.get() + "?";
        }
        if (name.startsWith("KAFKA_")) {
            return problem + ": a Kafka client setting takes one of the prefixes " + String.join(", ",
                    settings.stream().filter(Setting::isFamily).map(Setting::prefix).toList());
        }
        return problem;
    }
}
