package io.newsflow.enrich;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;

/**
 * enrich-service's settings: the {@link PipelineSettings} every service reads, plus {@code NEWSFLOW_ENRICH_HTTP_HOST}
 * (default 0.0.0.0) and {@code NEWSFLOW_ENRICH_HTTP_PORT} (default 8082, 0 picks a free port): its health endpoints.
 */
public record EnrichConfig(PipelineSettings pipeline, String httpHost, int httpPort) {

    public static final int DEFAULT_HTTP_PORT = 8082;

    public static EnrichConfig fromEnv(Env env) {
        return new EnrichConfig(PipelineSettings.fromEnv(env),
                env.string("NEWSFLOW_ENRICH_HTTP_HOST", "0.0.0.0"),
                env.integer("NEWSFLOW_ENRICH_HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535));
    }

    /** The same HTTP settings over other pipeline settings (the launcher's, with its embedded broker). */
    public EnrichConfig withPipeline(PipelineSettings newPipeline) {
        return new EnrichConfig(newPipeline, httpHost, httpPort);
    }
}
