package io.newsflow.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingCatalogueTest {

    private static final SettingCatalogue INGEST = SettingCatalogue.of("ingest-service", SharedSettings.CATALOGUE,
            SettingCatalogue.of("ingest-service",
                    new Setting("NEWSFLOW_INGEST_MAX_BYTES", "`1048576`", "the largest article accepted")));

    @Test
    void refusesAMistypedVariableNamingItAndTheSettingItMeant() {
        assertThatThrownBy(() -> INGEST.requireKnown(new Env(Map.of("NEWSFLOW_INGEST_MAX_BYTE", "2048"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NEWSFLOW_INGEST_MAX_BYTE is not a setting of ingest-service; did you mean "
                        + "NEWSFLOW_INGEST_MAX_BYTES? (ingest-service's settings: README.md, \"Configuration\")");
    }

    @Test
    void acceptsListedVariablesValidPassThroughsAndKafkasToolVariablesAndLooksAtNothingElse() {
        Env env = new Env(Map.of(
                "NEWSFLOW_INGEST_MAX_BYTES", "2048",
                "NEWSFLOW_TOPIC_RAW", "acme.raw",
                "KAFKA_BOOTSTRAP_SERVERS", "k1:9092",
                "KAFKA_PRODUCER_LINGER_MS", "5",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "PATH", "/usr/bin",
                "NEWSFLOWX", "not ours: no underscore after the prefix"));
        assertThat(INGEST.problems(env)).isEmpty();
        INGEST.requireKnown(env);
    }

    @Test
    void suggestsNothingWhenNoSettingIsClose() {
        assertThat(INGEST.problems(new Env(Map.of("NEWSFLOW_COLOUR", "blue"))))
                .containsExactly("NEWSFLOW_COLOUR is not a setting of ingest-service");
    }

    @Test
    void refusesAKafkaVariableWithoutAPassThroughPrefix() {
        assertThat(INGEST.problems(new Env(Map.of("KAFKA_BOOTSTRAP_SERVER", "k1:9092"))))
                .containsExactly("KAFKA_BOOTSTRAP_SERVER is not a setting of ingest-service; did you mean "
                        + "KAFKA_BOOTSTRAP_SERVERS?");
        assertThat(INGEST.problems(new Env(Map.of("KAFKA_PRODUCERS_LINGER_MS", "5"))))
                .containsExactly("KAFKA_PRODUCERS_LINGER_MS is not a setting of ingest-service: a Kafka client "
                        + "setting takes one of the prefixes KAFKA_CLIENT_, KAFKA_PRODUCER_, KAFKA_CONSUMER_, "
                        + "KAFKA_ADMIN_, KAFKA_STREAMS_");
    }

    @Test
    void refusesAPassThroughThatNamesNoSettingOfItsClient() {
        assertThat(INGEST.problems(new Env(Map.of("KAFKA_PRODUCER_LINGER_M", "5"))))
                .containsExactly("KAFKA_PRODUCER_LINGER_M: linger.m is not a producer setting; did you mean "
                        + "KAFKA_PRODUCER_LINGER_MS (linger.ms)?");
    }

    @Test
    void reportsEveryProblemAtOnceInNameOrder() {
        assertThatThrownBy(() -> INGEST.requireKnown(new Env(Map.of(
                "NEWSFLOW_TOPIC_PARTITION", "6",
                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "many",
                "NEWSFLOW_INGEST_MAX_BYTES", "2048"))))
                .hasMessage("KAFKA_CONSUMER_MAX_POLL_RECORDS is not a valid max.poll.records: Invalid value many for "
                        + "configuration max.poll.records: Not a number of type INT; NEWSFLOW_TOPIC_PARTITION is not a "
                        + "setting of ingest-service; did you mean NEWSFLOW_TOPIC_PARTITIONS? (ingest-service's "
                        + "settings: README.md, \"Configuration\")");
    }

    @Test
    void aServiceCatalogueRefusesAnotherServicesSetting() {
        assertThat(INGEST.problems(new Env(Map.of("NEWSFLOW_PUBLISH_HTTP_PORT", "8080"))))
                .containsExactly("NEWSFLOW_PUBLISH_HTTP_PORT is not a setting of ingest-service");
    }

    @Test
    void joinsPartsOnceAndRefusesTwoDifferentDescriptionsOfOneSetting() {
        SettingCatalogue twice = SettingCatalogue.of("launcher", INGEST, INGEST, SharedSettings.CATALOGUE);
        assertThat(twice.settings()).isEqualTo(INGEST.settings());
        SettingCatalogue other = SettingCatalogue.of("other",
                new Setting("NEWSFLOW_INGEST_MAX_BYTES", "`2048`", "the largest article accepted"));
        assertThatThrownBy(() -> SettingCatalogue.of("launcher", INGEST, other))
                .hasMessageStartingWith("launcher: NEWSFLOW_INGEST_MAX_BYTES is described twice, differently");
    }

    @Test
    void refusesFamiliesOtherThanKafkasPassThroughs() {
        assertThatThrownBy(() -> SettingCatalogue.of("x", new Setting("NEWSFLOW_EXTRA_*", "—", "anything")))
                .hasMessage("x: NEWSFLOW_EXTRA_* is no Kafka pass-through prefix, the only families a catalogue "
                        + "can check");
        assertThatThrownBy(() -> SettingCatalogue.of("x", new Setting("NEWSFLOW_A", "`1`", "a"),
                new Setting("NEWSFLOW_A", "`1`", "a")))
                .hasMessage("x: NEWSFLOW_A is listed twice");
    }

    @Test
    void suggestsOnlyNamesAFewEditsAway() {
        assertThat(ClosestName.distance("NEWSFLOW_INGEST_MAX_BYTE", "NEWSFLOW_INGEST_MAX_BYTES")).isEqualTo(1);
        assertThat(ClosestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestName.among("linger.m", java.util.List.of("linger.ms", "acks"))).contains("linger.ms");
        assertThat(ClosestName.among("compresion", java.util.List.of("acks"))).isEmpty();
    }
}
