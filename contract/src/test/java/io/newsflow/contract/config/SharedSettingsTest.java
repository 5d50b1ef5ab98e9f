package io.newsflow.contract.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.TopicNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SharedSettingsTest {

    @Test
    void listsExactlyTheVariablesPipelineSettingsAndTheLogSetupRead() throws IOException {
        Set<String> read = new TreeSet<>(RecordingEnv.namesReadBy(PipelineSettings::fromEnv));
        read.addAll(logSetupVariables().keySet());
        assertThat(read).containsExactlyInAnyOrderElementsOf(SharedSettings.CATALOGUE.variableNames());
    }

    @Test
    void listsEveryKafkaPassThroughPrefixAsAFamily() {
        assertThat(SharedSettings.CATALOGUE.settings().stream().filter(Setting::isFamily).map(Setting::prefix))
                .containsExactlyElementsOf(Arrays.stream(KafkaPassThrough.values()).map(KafkaPassThrough::prefix)
                        .toList());
    }

    @Test
    void showsTheDefaultsTheCodeApplies() throws IOException {
        PipelineSettings defaults = PipelineSettings.fromEnv(new Env(Map.of()));
        assertThat(defaultOf("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("`127.0.0.1:9092`");
        assertThat(defaults.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(defaults.topics()).isEqualTo(TopicNames.DEFAULTS);
        assertThat(Map.of(
                "NEWSFLOW_TOPIC_INBOUND", defaultOf("NEWSFLOW_TOPIC_INBOUND"),
                "NEWSFLOW_TOPIC_RAW", defaultOf("NEWSFLOW_TOPIC_RAW"),
                "NEWSFLOW_TOPIC_ENRICHED", defaultOf("NEWSFLOW_TOPIC_ENRICHED"),
                "NEWSFLOW_TOPIC_PUBLISHED", defaultOf("NEWSFLOW_TOPIC_PUBLISHED"),
                "NEWSFLOW_TOPIC_DLQ", defaultOf("NEWSFLOW_TOPIC_DLQ")))
                .isEqualTo(Map.of(
                        "NEWSFLOW_TOPIC_INBOUND", "`news.inbound`",
                        "NEWSFLOW_TOPIC_RAW", "`news.raw`",
                        "NEWSFLOW_TOPIC_ENRICHED", "`news.enriched`",
                        "NEWSFLOW_TOPIC_PUBLISHED", "`news.published`",
                        "NEWSFLOW_TOPIC_DLQ", "`news.dlq`"));
        assertThat(TopicNames.DEFAULTS.all())
                .containsExactly("news.inbound", "news.raw", "news.enriched", "news.published", "news.dlq");
        assertThat(defaultOf("NEWSFLOW_TOPIC_PARTITIONS")).isEqualTo("`3`");
        assertThat(defaults.partitions()).isEqualTo(3);
        assertThat(defaultOf("NEWSFLOW_TOPIC_REPLICATION_FACTOR")).isEqualTo("the broker's default");
        assertThat(defaults.replicationFactor()).isEmpty();
        assertThat(defaultOf("NEWSFLOW_APPLICATION_ID_PREFIX")).isEqualTo("`newsflow`");
        assertThat(defaults.applicationIdPrefix()).isEqualTo("newsflow");
        assertThat(defaultOf("NEWSFLOW_STATE_DIR")).startsWith("`data/streams`");
        assertThat(defaults.stateDir()).isEqualTo(java.nio.file.Path.of("data/streams"));
        assertThat(defaultOf("NEWSFLOW_PROCESSING_GUARANTEE")).isEqualTo("`exactly_once_v2`");
        assertThat(defaults.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(logSetupVariables()).isEqualTo(Map.of("NEWSFLOW_LOG_LEVEL", "INFO", "KAFKA_LOG_LEVEL", "WARN",
                "NEWSFLOW_LOG_FORMAT", "text"));
        assertThat(defaultOf("NEWSFLOW_LOG_FORMAT")).isEqualTo("`text`");
        assertThat(defaultOf("NEWSFLOW_LOG_LEVEL")).isEqualTo("`INFO`");
        assertThat(defaultOf("KAFKA_LOG_LEVEL")).isEqualTo("`WARN`");
    }

    private static String defaultOf(String name) {
        return SharedSettings.CATALOGUE.setting(name).orElseThrow().defaultValue();
    }

    /** The {@code ${env:NAME:-DEFAULT}} lookups of log4j2.xml, by name. */
    private static Map<String, String> logSetupVariables() throws IOException {
        String xml;
        try (InputStream in = SharedSettingsTest.class.getResourceAsStream("/log4j2.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> variables = new TreeMap<>();
        Matcher lookup = Pattern.compile("\\$\\{env:([A-Z0-9_]+):-([^}]*)}").matcher(xml);
        while (lookup.find()) {
            String earlier = variables.put(lookup.group(1), lookup.group(2));
            assertThat(earlier).as("one default per variable").isIn(null, lookup.group(2));
        }
        assertThat(xml.split("\\$\\{env:", -1)).as("every env lookup has a default").hasSize(
                (int) Pattern.compile("\\$\\{env:([A-Z0-9_]+):-([^}]*)}").matcher(xml).results().count() + 1);
        return new HashMap<>(variables);
    }
}
