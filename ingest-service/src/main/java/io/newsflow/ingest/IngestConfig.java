package io.newsflow.ingest;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;

/**
 * ingest-service's settings: the {@link PipelineSettings} every service reads, plus
 * {@code NEWSFLOW_INGEST_MAX_BYTES} (default 1048576, 1 MiB): the largest article accepted.
 */
public record IngestConfig(PipelineSettings pipeline, int maxBytes) {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final String SERVICE = "ingest";

    public static IngestConfig fromEnv(Env env) {
        return new IngestConfig(PipelineSettings.fromEnv(env),
                env.integer("NEWSFLOW_INGEST_MAX_BYTES", DEFAULT_MAX_BYTES, 1, io.newsflow.contract.Json.MAX_DOCUMENT_BYTES));
    }
}
