package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.SharedSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

    /**
     * Listed ahead of the health server that reads them: once enrich-service reads them (its own config's
     * {@code fromEnv}), record that reader below and empty this list; the test fails until both are done.
     */
    private static final List<String> LISTED_NOT_YET_READ =
            List.of("NEWSFLOW_ENRICH_HTTP_HOST", "NEWSFLOW_ENRICH_HTTP_PORT");

    @Test
    void listsTheSharedSettingsEnrichReadsAndItsOwn() {
        // enrich-service reads only the shared settings today, through PipelineSettings (see EnrichApp.start).
        assertThat(SharedSettings.CATALOGUE.variableNames())
                .containsAll(RecordingEnv.namesReadBy(PipelineSettings::fromEnv));
        assertThat(EnrichSettings.OWN.variableNames()).containsExactlyElementsOf(LISTED_NOT_YET_READ);
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
