package io.newsflow.publish;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.publish.webhooks.WebhookConfig;

/**
 * publish-service's settings: the {@link PipelineSettings} every service reads, plus {@code NEWSFLOW_PUBLISH_HTTP_HOST}
 * (default 0.0.0.0) and {@code NEWSFLOW_PUBLISH_HTTP_PORT} (default 8080, 0 picks a free port), and the webhook
 * settings ({@link WebhookConfig}).
 */
public record PublishConfig(PipelineSettings pipeline, String httpHost, int httpPort, WebhookConfig webhooks) {

    public static final String SERVICE = "publish";
    public static final int DEFAULT_HTTP_PORT = 8080;

    /** With the default webhook settings (no configured subscriptions). */
    public PublishConfig(PipelineSettings pipeline, String httpHost, int httpPort) {
        this(pipeline, httpHost, httpPort, WebhookConfig.defaults());
    }

    public static PublishConfig fromEnv(Env env) {
        return new PublishConfig(PipelineSettings.fromEnv(env),
                env.string("NEWSFLOW_PUBLISH_HTTP_HOST", "0.0.0.0"),
                env.integer("NEWSFLOW_PUBLISH_HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535),
                WebhookConfig.fromEnv(env));
    }

    /** These settings around pipeline settings the caller already has (the launcher's). */
    public PublishConfig withPipeline(PipelineSettings newPipeline) {
        return new PublishConfig(newPipeline, httpHost, httpPort, webhooks);
    }
}
