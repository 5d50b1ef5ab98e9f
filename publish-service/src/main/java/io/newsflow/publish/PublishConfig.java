package io.newsflow.publish;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;

/**
 * publish-service's settings: the {@link PipelineSettings} every service reads, plus {@code NEWSFLOW_PUBLISH_HTTP_HOST}
 * (default 0.0.0.0) and {@code NEWSFLOW_PUBLISH_HTTP_PORT} (default 8080, 0 picks a free port).
 */
public record PublishConfig(PipelineSettings pipeline, String httpHost, int httpPort) {

    public static final String SERVICE = "publish";
    public static final int DEFAULT_HTTP_PORT = 8080;

    public static PublishConfig fromEnv(Env env) {
        return new PublishConfig(PipelineSettings.fromEnv(env),
                env.string("NEWSFLOW_PUBLISH_HTTP_HOST", "0.0.0.0"),
                env.integer("NEWSFLOW_PUBLISH_HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535));
    }
}
