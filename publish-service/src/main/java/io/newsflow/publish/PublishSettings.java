package io.newsflow.publish;

import io.newsflow.contract.config.Setting;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.SharedSettings;
import io.newsflow.publish.webhooks.WebhookConfig;

/**
 * The environment publish-service reads (through {@link PublishConfig} and {@link WebhookConfig}): the shared
 * settings and its own.
 */
public final class PublishSettings {

    public static final String SERVICE_NAME = "publish-service";
    private static final String DURATIONS = " (durations: `500ms`, `5s`, `10m`, `1h`, `2d` or ISO 8601 `PT5S`)";

    public static final SettingCatalogue OWN = SettingCatalogue.of(SERVICE_NAME,
            new Setting("NEWSFLOW_PUBLISH_HTTP_HOST", "`0.0.0.0`", "address of the publish HTTP API (feed, page, "
                    + "stream, subscriptions)"),
            new Setting("NEWSFLOW_PUBLISH_HTTP_PORT", "`" + PublishConfig.DEFAULT_HTTP_PORT + "`",
                    "port of the publish HTTP API (`0` picks a free port)"),
            new Setting("NEWSFLOW_WEBHOOKS", "empty", "webhook subscriptions as inline JSON: "
                    + "`[{\"id\",\"url\",\"secret\",\"filter\"}]` (see \"Webhooks\")"),
            new Setting("NEWSFLOW_WEBHOOKS_FILE", "—", "a file holding the same JSON array; may be combined with "
                    + "`NEWSFLOW_WEBHOOKS` (ids must differ)"),
            new Setting("NEWSFLOW_TOPIC_SUBSCRIPTIONS", "`" + WebhookConfig.DEFAULT_SUBSCRIPTIONS_TOPIC + "`",
                    "the compacted topic of subscriptions registered over HTTP"),
            new Setting("NEWSFLOW_WEBHOOK_CONNECT_TIMEOUT", "`5s`", "time to connect to a receiver" + DURATIONS),
            new Setting("NEWSFLOW_WEBHOOK_TIMEOUT", "`10s`", "time to get a receiver's answer"),
            new Setting("NEWSFLOW_WEBHOOK_BACKOFF_BASE", "`1s`", "retry waits are random between 0 and "
                    + "`min(CAP, BASE * 2^(failures-1))`"),
            new Setting("NEWSFLOW_WEBHOOK_BACKOFF_CAP", "`1h`", "the longest retry wait (see `_BASE`)"),
            new Setting("NEWSFLOW_WEBHOOK_MAX_AGE", "`24h`", "how long a delivery is retried before it is parked in "
                    + "`news.dlq`"));

    /** Everything publish-service accepts in its environment. */
    public static final SettingCatalogue CATALOGUE = SettingCatalogue.of(SERVICE_NAME, SharedSettings.CATALOGUE, OWN);

    private PublishSettings() {
    }
}
