package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.TraceContext;
import io.newsflow.contract.metrics.PipelineMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.time.Duration;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueStore;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundTopologyTest {

    private static final Instant SENT = Instant.parse("2026-11-24T08:00:00Z");
    private final Topics topics = Topics.of(TopicNames.DEFAULTS);
    @TempDir
    Path stateDir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> inbound;
    private TestOutputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void startDriver() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of())).withStateDir(stateDir);
        PipelineMeters meters = new PipelineMeters(registry);
        driver = new TopologyTestDriver(InboundTopology.build(topics, new InboundNormalizer(1024), meters),
                StreamsSettings.forService(settings, "ingest", Set.of(), meters));
        inbound = driver.createInputTopic(topics.inbound().name(), topics.inbound().keySerde().serializer(),
                topics.inbound().valueSerde().serializer());
        raw = driver.createOutputTopic(topics.raw().name(), topics.raw().keySerde().deserializer(),
                topics.raw().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), topics.dlq().keySerde().deserializer(),
                topics.dlq().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void writesTheEnvelopeKeyedByArticleIdWithHeadersAsSent() {
        RecordHeaders headers = new RecordHeaders();
        HeaderText.put(headers, "content-type", "text/plain");
        HeaderText.put(headers, "source", "wire-desk");
        HeaderText.put(headers, "idempotency-key", "story-7");
        inbound.pipeInput(new TestRecord<>(null, bytes("[ad_1]\nBody\n[ad_2]\nTitle"), headers, SENT));

        String id = ArticleIds.derive("wire-desk", "idempotency-key", "story-7");
        TestRecord<String, RawArticle> written = raw.readRecord();
        assertThat(written.key()).isEqualTo(id);
        assertThat(written.value()).isEqualTo(new RawArticle(id, "wire-desk", SENT, ContentTypes.TEXT,
                "[ad_1]\nBody\n[ad_2]\nTitle", 1, "story-7"));
        assertThat(TraceContext.isValid(HeaderText.get(written.headers(), TraceContext.HEADER))).isTrue();
        assertThat(raw.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void numbersEachSourcesArticlesAndDropsARepeatedIdempotencyKeyWithin24Hours() {
        inbound.pipeInput(new TestRecord<>("a1", bytes("Title\nBody one"), headers("desk-a", "k1"), SENT));
        inbound.pipeInput(new TestRecord<>("b1", bytes("Title\nBody two"), headers("desk-b", null), SENT));
        inbound.pipeInput(new TestRecord<>("a1", bytes("Title\nBody one"), headers("desk-a", "k1"),
                SENT.plusSeconds(60)));
        inbound.pipeInput(new TestRecord<>("a2", bytes("Title\nBody three"), headers("desk-a", null),
                SENT.plusSeconds(120)));
        inbound.pipeInput(new TestRecord<>("a1", bytes("Title\nBody one"), headers("desk-a", "k1"),
                SENT.plus(Duration.ofHours(25))));

        assertThat(raw.readValuesToList()).extracting(RawArticle::id, RawArticle::sequence).containsExactly(
                tuple("a1", 1L), tuple("b1", 1L), tuple("a2", 2L), tuple("a1", 3L));
        assertThat(raw.isEmpty()).isTrue();
        // the repeated key was not written, so not accepted
        assertThat(registry.get(PipelineMeters.ACCEPTED).counter().count()).isEqualTo(4.0);
        assertThat(registry.find(PipelineMeters.REJECTED).counters()).isEmpty();
    }

    @Test
    void numbersEachSourceAfterRepartitioningANewsInboundOfManyPartitionsOfAnEarlierBuild() {
        driver.close();
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of())).withStateDir(stateDir);
        PipelineMeters meters = new PipelineMeters(registry);
        Topology repartitioned = InboundTopology.build(topics, new InboundNormalizer(1024), meters, true);
        driver = new TopologyTestDriver(repartitioned, StreamsSettings.forService(settings, "ingest", Set.of(), meters));
        TestInputTopic<String, byte[]> input = driver.createInputTopic(topics.inbound().name(),
                topics.inbound().keySerde().serializer(), topics.inbound().valueSerde().serializer());
        TestOutputTopic<String, RawArticle> output = driver.createOutputTopic(topics.raw().name(),
                topics.raw().keySerde().deserializer(), topics.raw().valueSerde().deserializer());

        input.pipeInput(new TestRecord<>("a1", bytes("Title\nBody one"), headers("desk-a", "k1"), SENT));
        input.pipeInput(new TestRecord<>("a1", bytes("Title\nBody one"), headers("desk-a", "k1"), SENT));
        input.pipeInput(new TestRecord<>("a2", bytes("Title\nBody two"), headers("desk-a", null), SENT));

        assertThat(output.readValuesToList()).extracting(RawArticle::id, RawArticle::sequence).containsExactly(
                tuple("a1", 1L), tuple("a2", 2L));
        assertThat(repartitioned.describe().toString()).contains("by-source-repartition");
        assertThat(InboundTopology.build(topics, new InboundNormalizer(1024), meters).describe().toString())
                .doesNotContain("by-source-repartition");
    }

    @Test
    void keepsTheSendersTraceparent() {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        RecordHeaders headers = headers("desk", null);
        HeaderText.put(headers, TraceContext.HEADER, trace);
        inbound.pipeInput(new TestRecord<>("t1", bytes("Title\nBody"), headers, SENT));
        assertThat(HeaderText.get(raw.readRecord().headers(), TraceContext.HEADER)).isEqualTo(trace);
    }

    @Test
    void keepsTheFurthestStatusOfEachArticleWhateverTheOrderTopicsAreRead() {
        inbound.pipeInput("s1", bytes("Title\nBody"), SENT);
        KeyValueStore<String, ArticleStatus> statuses = driver.getKeyValueStore(ArticleStatusFlow.STORE);
        assertThat(statuses.get("s1").status()).isEqualTo(ArticleStatus.ACCEPTED);

        TestInputTopic<String, byte[]> published = driver.createInputTopic(topics.published().name(),
                new StringSerializer(), new ByteArraySerializer());
        TestInputTopic<String, byte[]> enriched = driver.createInputTopic(topics.enriched().name(),
                new StringSerializer(), new ByteArraySerializer());
        published.pipeInput(ArticleIds.uri("s1"), bytes("{}"), SENT);
        enriched.pipeInput("s1", bytes("{}"), SENT); // read late: must not turn the article back
        assertThat(statuses.get("s1").status()).isEqualTo(ArticleStatus.PUBLISHED);

        TestInputTopic<String, byte[]> deadLetters = driver.createInputTopic(topics.dlq().name(),
                new StringSerializer(), new ByteArraySerializer());
        RecordHeaders rejected = new RecordHeaders();
        HeaderText.put(rejected, DeadLetterHeaders.ARTICLE_ID, "s2");
        HeaderText.put(rejected, DeadLetterHeaders.MESSAGE, "nothing is left of the article");
        HeaderText.put(rejected, DeadLetterHeaders.STEP, "enrich");
        deadLetters.pipeInput(new TestRecord<>("s2", bytes("x"), rejected, SENT));
        // A webhook parked for a broken subscriber says nothing about the article
        RecordHeaders parked = new RecordHeaders();
        HeaderText.put(parked, DeadLetterHeaders.ARTICLE_ID, "s1");
        HeaderText.put(parked, DeadLetterHeaders.STEP, "publish.webhook");
        deadLetters.pipeInput(new TestRecord<>(ArticleIds.uri("s1"), bytes("{}"), parked, SENT));
        assertThat(statuses.get("s1").status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(statuses.get("s2")).isEqualTo(new ArticleStatus("s2", ArticleStatus.REJECTED,
                "nothing is left of the article", "enrich", SENT));
    }

    private static RecordHeaders headers(String source, String idempotencyKey) {
        RecordHeaders headers = new RecordHeaders();
        HeaderText.put(headers, "content-type", "text/plain");
        HeaderText.put(headers, "source", source);
        if (idempotencyKey != null) {
            HeaderText.put(headers, "idempotency-key", idempotencyKey);
        }
        return headers;
    }

    @Test
    void deadLettersABadRecordAsSentWithItsReasonAndPositionThenGoesOn() {
        byte[] invalid = {(byte) 0xC3, (byte) 0x28};
        inbound.pipeInput("bad", invalid, SENT);
        inbound.pipeInput(null, (byte[]) null, SENT);
        inbound.pipeInput("good", bytes("Title\nBody"), SENT);

        TestRecord<String, byte[]> first = dlq.readRecord();
        assertThat(first.key()).isEqualTo("bad");
        assertThat(first.value()).isEqualTo(invalid);
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.ERROR)).isEqualTo("invalid-utf8");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.MESSAGE)).startsWith("the article is not valid UTF-8");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.inbound");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.STEP)).isEqualTo("ingest.normalize");

        TestRecord<String, byte[]> second = dlq.readRecord();
        assertThat(second.value()).isNull();
        assertThat(HeaderText.get(second.headers(), DeadLetterHeaders.ERROR)).isEqualTo("null-value");
        assertThat(HeaderText.get(second.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(dlq.isEmpty()).isTrue();

        assertThat(raw.readKeyValue().key).isEqualTo("good");
        assertThat(raw.isEmpty()).isTrue();
    }

    @Test
    void countsWhatItAcceptsAndEachRejectionByReasonAsADeadLetterOfItsStep() {
        inbound.pipeInput("bad", new byte[] {(byte) 0xC3, (byte) 0x28}, SENT);
        inbound.pipeInput("worse", new byte[] {(byte) 0xC3, (byte) 0x28}, SENT);
        inbound.pipeInput(null, (byte[]) null, SENT);
        inbound.pipeInput("good", bytes("Title\nBody"), SENT);

        assertThat(dlq.readRecordsToList()).hasSize(3);
        assertThat(raw.readKeyValue().key).isEqualTo("good");
        assertThat(raw.isEmpty()).isTrue();
        assertThat(registry.get(PipelineMeters.ACCEPTED).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(PipelineMeters.REJECTED).tag("reason", "invalid-utf8").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get(PipelineMeters.REJECTED).tag("reason", "null-value").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(PipelineMeters.REJECTED).counters()).hasSize(2);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "ingest.normalize").counter().count())
                .isEqualTo(3.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).counters()).hasSize(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
