package io.newsflow.contract;

import java.util.List;
import io.newsflow.contract.config.Env;

/**
 * The names of newsflow's topics. Defaults are the documented {@code news.*} names; each can be renamed with an
 * environment variable ({@code NEWSFLOW_TOPIC_INBOUND}, {@code _RAW}, {@code _ENRICHED}, {@code _PUBLISHED},
 * {@code _DLQ}) to fit an existing naming scheme.
 */
public record TopicNames(String inbound, String raw, String enriched, String published, String dlq) {

    public static final TopicNames DEFAULTS =
            new TopicNames("news.inbound", "news.raw", "news.enriched", "news.published", "news.dlq");

    private static final String VALID = "[a-zA-Z0-9._-]{1,249}";
    private static final String RULE = "use 1-249 characters of a-z, A-Z, 0-9, '.', '_' or '-'";

    public TopicNames {
        for (String name : List.of(inbound, raw, enriched, published, dlq)) {
            if (name == null || !name.matches(VALID)) {
                throw new IllegalArgumentException("invalid topic name '" + name + "': " + RULE);
            }
        }
    }

    public static TopicNames fromEnv(Env env) {
        return new TopicNames(
                name(env, "NEWSFLOW_TOPIC_INBOUND", DEFAULTS.inbound),
                name(env, "NEWSFLOW_TOPIC_RAW", DEFAULTS.raw),
                name(env, "NEWSFLOW_TOPIC_ENRICHED", DEFAULTS.enriched),
                name(env, "NEWSFLOW_TOPIC_PUBLISHED", DEFAULTS.published),
                name(env, "NEWSFLOW_TOPIC_DLQ", DEFAULTS.dlq));
    }

    private static String name(Env env, String variable, String defaultName) {
        String name = env.string(variable, defaultName);
        if (!name.matches(VALID)) {
            throw new IllegalArgumentException(variable + "=" + name + " is not a valid topic name: " + RULE);
        }
        return name;
    }

    /** The default names under a prefix ({@code "test1."} gives {@code test1.news.raw}...): for shared clusters. */
    public static TopicNames prefixed(String prefix) {
        return new TopicNames(prefix + DEFAULTS.inbound, prefix + DEFAULTS.raw, prefix + DEFAULTS.enriched,
                prefix + DEFAULTS.published, prefix + DEFAULTS.dlq);
    }

    /** These names as the environment variables that select them: how a test or a launcher hands them on. */
    public java.util.Map<String, String> asEnv() {
        return java.util.Map.of("NEWSFLOW_TOPIC_INBOUND", inbound, "NEWSFLOW_TOPIC_RAW", raw,
                "NEWSFLOW_TOPIC_ENRICHED", enriched, "NEWSFLOW_TOPIC_PUBLISHED", published, "NEWSFLOW_TOPIC_DLQ", dlq);
    }

    public List<String> all() {
        return List.of(inbound, raw, enriched, published, dlq);
    }
}
