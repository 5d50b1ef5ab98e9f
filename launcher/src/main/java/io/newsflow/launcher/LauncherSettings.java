package io.newsflow.launcher;

import io.newsflow.contract.config.Setting;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.SharedSettings;
import io.newsflow.enrich.EnrichSettings;
import io.newsflow.ingest.IngestSettings;
import io.newsflow.publish.PublishSettings;

/**
 * The environment {@code ./newsflow} reads: every service's settings (its commands run the services in one JVM, and
 * one shell may start each of them), and the script's own.
 */
public final class LauncherSettings {

    public static final SettingCatalogue OWN = SettingCatalogue.of("newsflow",
            new Setting("NEWSFLOW_JAVA_OPTS", "—", "JVM options for `./newsflow` (the script reads it), e.g. "
                    + "`-Xmx2g`"));

    public static final SettingCatalogue CATALOGUE = SettingCatalogue.of("newsflow", SharedSettings.CATALOGUE,
            IngestSettings.OWN, EnrichSettings.OWN, PublishSettings.OWN, OWN);

    private LauncherSettings() {
    }
}
