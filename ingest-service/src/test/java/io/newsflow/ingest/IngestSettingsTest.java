package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.RecordingEnv;
import io.newsflow.contract.config.SharedSettings;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void listsExactlyTheVariablesIngestConfigReads() {
        Set<String> shared = RecordingEnv.namesReadBy(PipelineSettings::fromEnv);
        Set<String> own = new TreeSet<>(RecordingEnv.namesReadBy(IngestConfig::fromEnv));
        own.removeAll(shared);
        assertThat(own).containsExactlyInAnyOrderElementsOf(IngestSettings.OWN.variableNames());
        assertThat(SharedSettings.CATALOGUE.variableNames()).containsAll(shared);
        assertThat(IngestSettings.CATALOGUE.settings()).containsAll(SharedSettings.CATALOGUE.settings())
                .containsAll(IngestSettings.OWN.settings())
                .hasSize(SharedSettings.CATALOGUE.settings().size() + IngestSettings.OWN.settings().size());
    }

    @Test
    void showsTheDefaultsTheCodeApplies() {
        IngestConfig defaults = IngestConfig.fromEnv(new Env(Map.of()));
        assertThat(defaults.maxBytes()).isEqualTo(1_048_576);
        assertThat(defaultOf("NEWSFLOW_INGEST_MAX_BYTES")).isEqualTo("`1048576`");
        assertThat(defaults.httpHost()).isEqualTo("0.0.0.0");
        assertThat(defaultOf("NEWSFLOW_INGEST_HTTP_HOST")).isEqualTo("`0.0.0.0`");
        assertThat(defaults.httpPort()).isEqualTo(8081);
        assertThat(defaultOf("NEWSFLOW_INGEST_HTTP_PORT")).isEqualTo("`8081`");
        assertThat(defaults.apiKeys()).isEmpty();
        assertThat(defaultOf("NEWSFLOW_INGEST_API_KEYS")).isEqualTo("empty: no key needed");
        assertThat(defaults.ratePerMinute()).isEqualTo(600);
        assertThat(defaultOf("NEWSFLOW_INGEST_RATE_LIMIT")).isEqualTo("`600`");
        assertThat(IngestSettings.OWN.settings().get(0).meaning()).startsWith("largest article accepted, at most "
                + "4 MiB (a batch may be 16 times that); services write and read records up to 16 MiB");
    }

    @Test
    void refusesInvalidValuesNamingTheVariable() {
        assertThatThrownBy(() -> read("NEWSFLOW_INGEST_MAX_BYTES", "5000000"))
                .hasMessage("NEWSFLOW_INGEST_MAX_BYTES=5000000 is out of range: expected 1..4194304");
        assertThatThrownBy(() -> read("NEWSFLOW_INGEST_HTTP_PORT", "http"))
                .hasMessage("NEWSFLOW_INGEST_HTTP_PORT=http is not a whole number");
        assertThatThrownBy(() -> read("NEWSFLOW_INGEST_API_KEYS", "k1=wire,k2"))
                .hasMessage("NEWSFLOW_INGEST_API_KEYS: 'k2' is not KEY=SOURCE (pairs are separated by commas)");
        assertThatThrownBy(() -> read("NEWSFLOW_INGEST_RATE_LIMIT", "0"))
                .hasMessage("NEWSFLOW_INGEST_RATE_LIMIT=0 is out of range: expected 1..1000000");
    }

    @Test
    void refusesAMistypedVariableAtStart() {
        assertThat(IngestSettings.CATALOGUE.problems(new Env(Map.of("NEWSFLOW_INGEST_MAX_BYTE", "2048",
                "NEWSFLOW_INGEST_HTTP_PORT", "8081", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"))))
                .containsExactly("NEWSFLOW_INGEST_MAX_BYTE is not a setting of ingest-service; did you mean "
                        + "NEWSFLOW_INGEST_MAX_BYTES?");
    }

    private static String defaultOf(String name) {
        return IngestSettings.OWN.setting(name).orElseThrow().defaultValue();
    }

    private static IngestConfig read(String name, String value) {
        return IngestConfig.fromEnv(new Env(Map.of(name, value)));
    }
}
