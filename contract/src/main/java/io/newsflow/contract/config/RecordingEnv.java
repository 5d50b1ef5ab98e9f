package io.newsflow.contract.config;

import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An empty environment that remembers every variable a reader asks for: how each service's tests check that its
 * settings catalogue lists exactly what its config reads (one copy here rather than one per module's tests).
 */
public final class RecordingEnv extends HashMap<String, String> {

    private final transient Set<String> asked = new TreeSet<>();

    /** The names of every variable {@code reader} looked up in an empty environment. */
    public static Set<String> namesReadBy(Function<Env, ?> reader) {
        RecordingEnv values = new RecordingEnv();
        reader.apply(new Env(values));
        return values.asked;
    }

    @Override
    public String get(Object key) {
        asked.add((String) key);
        return super.get(key);
    }
}
