package io.newsflow.ingest;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ingest-service's settings: the {@link PipelineSettings} every service reads, plus
 * <ul>
 *   <li>{@code NEWSFLOW_INGEST_MAX_BYTES} (default 1048576, 1 MiB, at most 4 MiB): the largest article accepted;</li>
 *   <li>{@code NEWSFLOW_INGEST_HTTP_HOST} (default 0.0.0.0) and {@code NEWSFLOW_INGEST_HTTP_PORT} (default 8081,
 *   0 picks a free port): the ingest API;</li>
 *   <li>{@code NEWSFLOW_INGEST_API_KEYS} (default empty: no key needed): {@code KEY=SOURCE} pairs separated by commas;
 *   when set, every POST needs {@code Authorization: Bearer KEY} (or {@code X-Api-Key: KEY}) and its articles are
 *   credited to SOURCE;</li>
 *   <li>{@code NEWSFLOW_INGEST_RATE_LIMIT} (default 600): requests per minute per key (per client address when keys
 *   are off).</li>
 * </ul>
 */
public record IngestConfig(PipelineSettings pipeline, int maxBytes, String httpHost, int httpPort,
                           Map<String, String> apiKeys, int ratePerMinute) {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final int DEFAULT_HTTP_PORT = 8081;
    public static final int DEFAULT_RATE_PER_MINUTE = 600;
    public static final String SERVICE = "ingest";

    public IngestConfig {
        apiKeys = Map.copyOf(apiKeys);
    }

    /** Settings for the pipeline with every ingest default (no API keys). */
    public static IngestConfig defaults(PipelineSettings pipeline) {
        return new IngestConfig(pipeline, DEFAULT_MAX_BYTES, "0.0.0.0", DEFAULT_HTTP_PORT, Map.of(),
                DEFAULT_RATE_PER_MINUTE);
    }

    public static IngestConfig fromEnv(Env env) {
        return fromEnv(env, PipelineSettings.fromEnv(env));
    }

    /** The ingest settings of {@code env} around pipeline settings the caller already has (the launcher's). */
    public static IngestConfig fromEnv(Env env, PipelineSettings pipeline) {
        return new IngestConfig(pipeline,
                env.integer("NEWSFLOW_INGEST_MAX_BYTES", DEFAULT_MAX_BYTES, 1, KafkaSettings.MAX_ARTICLE_BYTES),
                env.string("NEWSFLOW_INGEST_HTTP_HOST", "0.0.0.0"),
                env.integer("NEWSFLOW_INGEST_HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535),
                apiKeys(env.string("NEWSFLOW_INGEST_API_KEYS", "")),
                env.integer("NEWSFLOW_INGEST_RATE_LIMIT", DEFAULT_RATE_PER_MINUTE, 1, 1_000_000));
    }

    public IngestConfig withHttpPort(int port) {
        return new IngestConfig(pipeline, maxBytes, httpHost, port, apiKeys, ratePerMinute);
    }

    static Map<String, String> apiKeys(String setting) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : setting.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("NEWSFLOW_INGEST_API_KEYS: '" + pair.trim()
                        + "' is not KEY=SOURCE (pairs are separated by commas)");
            }
            keys.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return keys;
    }
}
