package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.SharedSettings;
import io.newsflow.enrich.EnrichSettings;
import io.newsflow.ingest.IngestSettings;
import io.newsflow.publish.PublishSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    @Test
    void acceptsEveryServicesSettingsInOneEnvironment() {
        assertThat(LauncherSettings.CATALOGUE.problems(new Env(Map.of(
                "NEWSFLOW_INGEST_HTTP_PORT", "0",
                "NEWSFLOW_ENRICH_HTTP_PORT", "0",
                "NEWSFLOW_PUBLISH_HTTP_PORT", "0",
                "NEWSFLOW_WEBHOOK_MAX_AGE", "1h",
                "NEWSFLOW_JAVA_OPTS", "-Xmx2g",
                "NEWSFLOW_LOG_LEVEL", "DEBUG",
                "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "100")))).isEmpty();
        assertThat(LauncherSettings.CATALOGUE.settings()).hasSize(SharedSettings.CATALOGUE.settings().size()
                + IngestSettings.OWN.settings().size() + EnrichSettings.OWN.settings().size()
                + PublishSettings.OWN.settings().size() + LauncherSettings.OWN.settings().size());
    }

    @Test
    void refusesAMistypedSettingNamingTheLauncher() {
        assertThat(LauncherSettings.CATALOGUE.problems(new Env(Map.of("NEWSFLOW_PUBLISH_HTTP_PRT", "0"))))
                .containsExactly("NEWSFLOW_PUBLISH_HTTP_PRT is not a setting of newsflow; did you mean "
                        + "NEWSFLOW_PUBLISH_HTTP_PORT?");
    }

    @Test
    void listsWhatTheNewsflowScriptReads() throws IOException {
        String script = Files.readString(Path.of("..", "newsflow"));
        assertThat(Pattern.compile("NEWSFLOW_[A-Z_]+").matcher(script).results().map(m -> m.group())
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(LauncherSettings.OWN.variableNames());
    }
}
