package io.newsflow.ingest;

import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.Setting;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.SharedSettings;

/** The environment ingest-service reads (through {@link IngestConfig}): the shared settings and its own. */
public final class IngestSettings {

    public static final String SERVICE_NAME = "ingest-service";

    public static final SettingCatalogue OWN = SettingCatalogue.of(SERVICE_NAME,
            new Setting("NEWSFLOW_INGEST_MAX_BYTES", "`" + IngestConfig.DEFAULT_MAX_BYTES + "`",
                    "largest article accepted, at most " + KafkaSettings.MAX_ARTICLE_BYTES / (1024 * 1024)
                            + " MiB (a batch may be 16 times that); services write and read records up to "
                            + KafkaSettings.MAX_RECORD_BYTES / (1024 * 1024)
                            + " MiB, room for the escaped, enriched article (topics take up to "
                            + KafkaSettings.MAX_TOPIC_RECORD_BYTES / (1024 * 1024) + " MiB: see \"Poison pills\")"),
            new Setting("NEWSFLOW_INGEST_HTTP_HOST", "`0.0.0.0`", "address of the ingest HTTP API"),
            new Setting("NEWSFLOW_INGEST_HTTP_PORT", "`" + IngestConfig.DEFAULT_HTTP_PORT + "`",
                    "port of the ingest HTTP API (`0` picks a free port)"),
            new Setting("NEWSFLOW_INGEST_API_KEYS", "empty: no key needed",
                    "`KEY=SOURCE,KEY2=SOURCE2`: POSTs need `Authorization: Bearer KEY` (or `X-Api-Key`); the "
                            + "article is credited to SOURCE"),
            new Setting("NEWSFLOW_INGEST_RATE_LIMIT", "`" + IngestConfig.DEFAULT_RATE_PER_MINUTE + "`",
                    "requests per minute per API key (per client address without keys); over it: 429 with "
                            + "Retry-After"));

    /** Everything ingest-service accepts in its environment. */
    public static final SettingCatalogue CATALOGUE = SettingCatalogue.of(SERVICE_NAME, SharedSettings.CATALOGUE, OWN);

    private IngestSettings() {
    }
}
