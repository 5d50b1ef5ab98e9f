package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.RecordingEnv;
import io.newsflow.contract.config.SharedSettings;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

    @Test
    void listsTheSharedSettingsEnrichReadsAndItsOwn() {
        Set<String> shared = RecordingEnv.namesReadBy(PipelineSettings::fromEnv);
        Set<String> own = new TreeSet<>(RecordingEnv.namesReadBy(EnrichConfig::fromEnv));
        own.removeAll(shared);
        assertThat(SharedSettings.CATALOGUE.variableNames()).containsAll(shared);
        assertThat(own).containsExactlyInAnyOrderElementsOf(EnrichSettings.OWN.variableNames());
        assertThat(EnrichSettings.CATALOGUE.settings()).containsAll(SharedSettings.CATALOGUE.settings())
                .containsAll(EnrichSettings.OWN.settings())
                .hasSize(SharedSettings.CATALOGUE.settings().size() + EnrichSettings.OWN.settings().size());
        assertThat(EnrichSettings.OWN.setting("NEWSFLOW_ENRICH_HTTP_PORT").orElseThrow().defaultValue())
                .isEqualTo("`8082`");
        assertThat(EnrichSettings.OWN.setting("NEWSFLOW_ENRICH_HTTP_HOST").orElseThrow().defaultValue())
                .isEqualTo("`0.0.0.0`");
    }

    @Test
    void refusesAnotherServicesSettingAndAMistypedOne() {
        assertThat(EnrichSettings.CATALOGUE.problems(new Env(Map.of(
                "NEWSFLOW_INGEST_HTTP_PORT", "8081",
                "NEWSFLOW_ENRICH_HTTP_PROT", "8082",
                "NEWSFLOW_ENRICH_HTTP_PORT", "8082"))))
                .containsExactly("NEWSFLOW_ENRICH_HTTP_PROT is not a setting of enrich-service; did you mean "
                        + "NEWSFLOW_ENRICH_HTTP_PORT?", "NEWSFLOW_INGEST_HTTP_PORT is not a setting of enrich-service");
    }
}
