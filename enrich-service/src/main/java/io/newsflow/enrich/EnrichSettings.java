package io.newsflow.enrich;

import io.newsflow.contract.config.Setting;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.SharedSettings;

/** The environment enrich-service reads: the shared settings and its own. */
public final class EnrichSettings {

    public static final String SERVICE_NAME = "enrich-service";
    public static final int DEFAULT_HTTP_PORT = 8082;

    /**
     * Its health endpoints' address. Listed ahead of the health server that reads them (a branch of its own), so
     * that the two merge without a conflict; until then enrich-service accepts them and has no HTTP server.
     */
    public static final SettingCatalogue OWN = SettingCatalogue.of(SERVICE_NAME,
            new Setting("NEWSFLOW_ENRICH_HTTP_HOST", "`0.0.0.0`",
                    "address of enrich's health endpoints (`/health/live`, `/health/ready`)"),
            new Setting("NEWSFLOW_ENRICH_HTTP_PORT", "`" + DEFAULT_HTTP_PORT + "`",
                    "port of enrich's health endpoints (`0` picks a free port)"));

    /** Everything enrich-service accepts in its environment. */
    public static final SettingCatalogue CATALOGUE = SettingCatalogue.of(SERVICE_NAME, SharedSettings.CATALOGUE, OWN);

    private EnrichSettings() {
    }
}
