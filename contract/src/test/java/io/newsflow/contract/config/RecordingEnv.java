package io.newsflow.contract.config;

import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** An empty environment that remembers every variable a reader asks for. */
final class RecordingEnv extends HashMap<String, String> {

    private final Set<String> asked = new TreeSet<>();

    static Set<String> namesReadBy(Function<Env, ?> reader) {
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
