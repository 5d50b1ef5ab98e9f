package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.metrics.PipelineMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");
    private final Topics topics = Topics.of(TopicNames.DEFAULTS);
    @TempDir
    Path stateDir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void startDriver() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of())).withStateDir(stateDir);
        PipelineMeters meters = new PipelineMeters(registry);
        driver = new TopologyTestDriver(EnrichTopology.build(topics, TestEnricher.INSTANCE, meters),
                StreamsSettings.forService(settings, "enrich", Set.of(), meters));
        raw = driver.createInputTopic(topics.raw().name(), topics.raw().keySerde().serializer(),
                topics.raw().valueSerde().serializer());
        rawBytes = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keySerde().deserializer(),
                topics.enriched().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), topics.dlq().keySerde().deserializer(),
                topics.dlq().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void enrichesTheSeedKeepingTheArticleId() {
        raw.pipeInput("seed", new RawArticle("seed", "folder:seeds", RECEIVED, ContentTypes.TEXT, Seed.text()),
                RECEIVED);
        var output = enriched.readKeyValue();
        assertThat(output.key).isEqualTo("seed");
        assertThat(output.value.headline()).isEqualTo(Seed.HEADLINE);
        assertThat(output.value.body()).startsWith(Seed.BODY_START).doesNotContain("[ad_")
                .doesNotContain(Seed.HEADLINE);
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void deadLettersAnArticleWithNoTextWithItsIdAndGoesOn() {
        RawArticle empty = new RawArticle("empty", "s", RECEIVED, ContentTypes.TEXT, "[ad_1]\n[ad_2]");
        raw.pipeInput("empty", empty, RECEIVED);
        raw.pipeInput("ok", new RawArticle("ok", "s", RECEIVED, ContentTypes.TEXT, "T\nBody."), RECEIVED);

        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(topics.raw().valueSerde().deserializer().deserialize("t", dead.value())).isEqualTo(empty);
        assertThat(HeaderText.get(dead.headers(), DeadLetterHeaders.ERROR)).isEqualTo("no-article-text");
        assertThat(HeaderText.get(dead.headers(), DeadLetterHeaders.ARTICLE_ID)).isEqualTo("empty");
        assertThat(HeaderText.get(dead.headers(), DeadLetterHeaders.STEP)).isEqualTo("enrich");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(enriched.readKeyValue().key).isEqualTo("ok");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(registry.get(PipelineMeters.ENRICHED).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "enrich").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).counters()).hasSize(1);
    }

    /** The dead letter Kafka Streams' handler writes for it is checked on a real broker (EnrichServiceIT). */
    @Test
    void skipsUnreadableBytesAndGoesOn() {
        byte[] truncated = "{\"id\":\"x\",".getBytes(StandardCharsets.UTF_8);
        rawBytes.pipeInput("broken", truncated, RECEIVED);
        raw.pipeInput("ok", new RawArticle("ok", "s", RECEIVED, ContentTypes.TEXT, "T\nBody."), RECEIVED);

        assertThat(enriched.readKeyValue().key).isEqualTo("ok");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(registry.get(PipelineMeters.ENRICHED).counter().count()).isEqualTo(1.0);
        // the handler, handed the meters through the Streams configuration, counts its dead letter
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "enrich.read").counter().count())
                .isEqualTo(1.0);
    }
}
