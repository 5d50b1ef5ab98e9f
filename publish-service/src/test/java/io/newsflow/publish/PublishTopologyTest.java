package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.ninjs.NinjsSchema;
import java.time.Duration;
import org.apache.kafka.streams.test.TestRecord;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.Body;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import io.newsflow.contract.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contract.metrics.PipelineMeters;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishTopologyTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:02.5Z");
    private final Topics topics = Topics.of(TopicNames.DEFAULTS);
    @TempDir
    Path stateDir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, NinjsDocument> published;
    private TestOutputTopic<String, byte[]> deadLetters;
    /** The topology's clock: fixed at NOW unless a test moves it (embargoes). */
    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void startDriver() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of())).withStateDir(stateDir);
        PipelineMeters meters = new PipelineMeters(registry);
        driver = new TopologyTestDriver(PublishTopology.build(topics, clock, meters),
                StreamsSettings.forService(settings, "publish", Set.of(), meters));
        deadLetters = driver.createOutputTopic(topics.dlq().name(), topics.dlq().keySerde().deserializer(),
                topics.dlq().valueSerde().deserializer());
        enriched = driver.createInputTopic(topics.enriched().name(), topics.enriched().keySerde().serializer(),
                topics.enriched().valueSerde().serializer());
        published = driver.createOutputTopic(topics.published().name(), topics.published().keySerde().deserializer(),
                topics.published().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void publishesNinjsKeyedByUri() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);

        assertThat(published.readKeyValue()).isEqualTo(KeyValue.pair("urn:newsflow:article:a1",
                NinjsDocument.basic("urn:newsflow:article:a1", "1", "und",
                        List.of(new Headline("main", "text/plain", "Headline")),
                        List.of(new Body("main", "text/plain", "Body text.", 0, 0)),
                        "2026-11-24T09:00:00Z", "2026-11-24T09:00:02.500Z")));
        assertThat(published.isEmpty()).isTrue();
    }

    @Test
    void doesNotPublishTheSameContentTwice() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED.plusSeconds(60));

        assertThat(published.readValuesToList()).hasSize(1);
    }

    @Test
    void publishesChangedContentAsTheNextVersionKeepingFirstCreated() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);
        enriched.pipeInput("a1", article("Headline", "Corrected body text."), RECEIVED.plusSeconds(60));

        List<NinjsDocument> versions = published.readValuesToList();
        assertThat(versions).extracting(NinjsDocument::version).containsExactly("1", "2");
        assertThat(versions.get(1).firstcreated()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(versions.get(1).mainBody()).isEqualTo("Corrected body text.");
    }

    @Test
    void everyPublishedDocumentIsValidNinjs21WithItsSchemaVersionHeader() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);
        enriched.pipeInput("a1", article("Headline", "Corrected body text."), RECEIVED);
        enriched.pipeInput("a1", EnrichedArticle.retraction("a1", "test", RECEIVED, null), RECEIVED);

        List<TestRecord<String, NinjsDocument>> records = published.readRecordsToList();
        assertThat(records).hasSize(3);
        for (TestRecord<String, NinjsDocument> record : records) {
            assertThat(NinjsSchema.violations(record.value())).isEmpty();
            assertThat(HeaderText.get(record.headers(), PublishTopology.SCHEMA_VERSION_HEADER)).isEqualTo("ninjs-2.1");
        }
    }

    @Test
    void republishesARetractedArticleAsCanceledAndDeadLettersARetractionOfNothing() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);
        enriched.pipeInput("a1", EnrichedArticle.retraction("a1", "test", RECEIVED, null), RECEIVED);
        enriched.pipeInput("zz", EnrichedArticle.retraction("zz", "test", RECEIVED, null), RECEIVED);

        List<NinjsDocument> versions = published.readValuesToList();
        assertThat(versions).extracting(NinjsDocument::version, NinjsDocument::pubstatus)
                .containsExactly(tuple("1", "usable"), tuple("2", "canceled"));
        assertThat(versions.get(1).mainBody()).isEqualTo("Body text.");
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(HeaderText.get(dead.headers(), DeadLetterHeaders.ERROR)).isEqualTo("unknown-article");
        assertThat(HeaderText.get(dead.headers(), DeadLetterHeaders.ARTICLE_ID)).isEqualTo("zz");
        assertThat(registry.get(PipelineMeters.PUBLISHED).counter().count()).isEqualTo(2.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "publish.version").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void countsEachPublicationAndTimesItFromReceiptToNow() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED.plusSeconds(60));
        clock.set(NOW.plusSeconds(10));
        enriched.pipeInput("a1", article("Headline", "Corrected body text."), RECEIVED.plusSeconds(60));

        assertThat(published.readValuesToList()).hasSize(2);
        assertThat(published.isEmpty()).isTrue();
        // the unchanged repeat was not published, so neither counted nor timed
        assertThat(registry.get(PipelineMeters.PUBLISHED).counter().count()).isEqualTo(2.0);
        Timer latency = registry.get(PipelineMeters.END_TO_END_LATENCY).timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_500.0 + 12_500.0);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(12_500.0);
        assertThat(registry.find(PipelineMeters.DEAD_LETTERS).counters()).isEmpty();
    }

    @Test
    void holdsAnEmbargoedArticleUntilItsTime() {
        Instant until = NOW.plusSeconds(30);
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        HeaderText.put(headers, "traceparent", traceparent);
        enriched.pipeInput(new TestRecord<>("a1", article("Headline", "Body text.").withEmbargoedUntil(until), headers,
                RECEIVED));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(published.isEmpty()).isTrue();

        clock.set(until);
        driver.advanceWallClockTime(PublishTopology.EMBARGO_CHECK);
        TestRecord<String, NinjsDocument> record = published.readRecord();
        NinjsDocument released = record.value();
        assertThat(released.embargoed()).isEqualTo(until.toString());
        // The release is a record of its own: the article's trace context was kept with it while it was held.
        assertThat(HeaderText.get(record.headers(), "traceparent")).isEqualTo(traceparent);
        assertThat(NinjsSchema.violations(released)).isEmpty();
        // counted, but not timed: its latency would be the embargo's
        assertThat(registry.get(PipelineMeters.PUBLISHED).counter().count()).isEqualTo(1.0);
        assertThat(registry.find(PipelineMeters.END_TO_END_LATENCY).timers()).isEmpty();
    }

    @Test
    void publishesTheSameTextOnceAndANearDuplicateWithAnAssociation() {
        EnrichedArticle original = withHashes(article("a1", "Headline", "Body text."), "sha-1", "00000000000000ff");
        EnrichedArticle copy = withHashes(article("a2", "Other headline", "Body text."), "sha-1", "00000000000000ff");
        EnrichedArticle near = withHashes(article("a3", "Headline", "Body text, edited."), "sha-3", "00000000000000f8");
        EnrichedArticle far = withHashes(article("a4", "Unrelated", "Something else."), "sha-4", "ff00ff00ff00ff00");
        for (EnrichedArticle each : List.of(original, copy, near, far)) {
            enriched.pipeInput(each.id(), each, RECEIVED);
        }

        List<NinjsDocument> documents = published.readValuesToList();
        assertThat(documents).extracting(NinjsDocument::uri).containsExactly("urn:newsflow:article:a1",
                "urn:newsflow:article:a3", "urn:newsflow:article:a4");
        assertThat(documents.get(1).associations()).containsExactly(new NinjsDocument.Association(
                "near-duplicate-of", "urn:newsflow:article:a1", "text"));
        assertThat(documents.get(2).associations()).isNull();
        documents.forEach(document -> assertThat(NinjsSchema.violations(document)).isEmpty());
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(HeaderText.get(dead.headers(), DeadLetterHeaders.MESSAGE))
                .isEqualTo("the same text was already published as article a1");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(registry.get(PipelineMeters.PUBLISHED).counter().count()).isEqualTo(3.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "publish.dedupe").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).counters()).hasSize(1);
    }

    @Test
    void remembersTheLatestThirtyTwoArticlesPerSimHashBand() {
        // a0 and the probes share only band 0 (abcd) and are within 3 bits of a0; the fillers share band 0 too and
        // are far from everything else (high bits set)
        pipe(withHashes(article("a0", "Headline", "Body 0."), "sha-a0", "000000000000abcd"));
        for (int i = 1; i <= 30; i++) {
            pipe(filler(i));
        }
        pipe(withHashes(article("p1", "Headline", "Probe 1."), "sha-p1", "000100010001abcd"));
        pipe(filler(31)); // the 33rd article in band abcd: a0, the oldest, is forgotten
        pipe(withHashes(article("p2", "Headline", "Probe 2."), "sha-p2", "000200020002abcd"));

        Map<String, NinjsDocument> byUri = new HashMap<>();
        published.readValuesToList().forEach(document -> byUri.put(document.uri(), document));
        assertThat(byUri.get("urn:newsflow:article:p1").associations()).containsExactly(
                new NinjsDocument.Association("near-duplicate-of", "urn:newsflow:article:a0", "text"));
        assertThat(byUri.get("urn:newsflow:article:p2").associations()).isNull();
    }

    @Test
    void readsANewsEnrichedOfOnePartitionWithoutARepartitionHop() {
        PipelineMeters meters = new PipelineMeters(registry);

        assertThat(PublishTopology.build(topics, clock, meters, 1).describe().subtopologies()).hasSize(1);
        assertThat(PublishTopology.build(topics, clock, meters, 3).describe().subtopologies()).hasSize(2);
        assertThat(PublishTopology.build(topics, clock, meters, 3).describe().toString())
                .contains("all-articles-repartition");
    }

    @Test
    void screensAManyPartitionNewsEnrichedOfAnEarlierBuildInOneTaskAfterRepartitioningIt() {
        driver.close();
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of())).withStateDir(stateDir);
        PipelineMeters meters = new PipelineMeters(registry);
        driver = new TopologyTestDriver(PublishTopology.build(topics, clock, meters, 3),
                StreamsSettings.forService(settings, "publish", Set.of(), meters));
        TestInputTopic<String, EnrichedArticle> input = driver.createInputTopic(topics.enriched().name(),
                topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer());
        TestOutputTopic<String, NinjsDocument> output = driver.createOutputTopic(topics.published().name(),
                topics.published().keySerde().deserializer(), topics.published().valueSerde().deserializer());
        EnrichedArticle original = withHashes(article("a1", "Headline", "Body text."), "sha-1", "00000000000000ff");
        EnrichedArticle copy = withHashes(article("a2", "Other headline", "Body text."), "sha-1", "00000000000000ff");

        input.pipeInput(original.id(), original, RECEIVED);
        input.pipeInput(copy.id(), copy, RECEIVED);

        assertThat(output.readValuesToList()).extracting(NinjsDocument::uri)
                .containsExactly("urn:newsflow:article:a1");
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "publish.dedupe").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void listsEachArticleOnceInTheTimelineAtItsLatestVersionNewestFirstAndARetractedOneNowhere() {
        enriched.pipeInput("a", article("a", "First", "First body."), RECEIVED);
        clock.set(NOW.plusSeconds(1));
        enriched.pipeInput("b", article("b", "Second", "Second body."), RECEIVED);
        clock.set(NOW.plusSeconds(2));
        enriched.pipeInput("c", article("c", "Third", "Third body."), RECEIVED);
        clock.set(NOW.plusSeconds(3));
        enriched.pipeInput("a", article("a", "First", "First body, corrected."), RECEIVED);
        enriched.pipeInput("b", EnrichedArticle.retraction("b", "test", RECEIVED, null), RECEIVED);

        assertThat(timeline()).containsExactly(
                tuple(Timeline.key(new PageCursor(NOW.plusSeconds(3), "urn:newsflow:article:a")), "a"),
                tuple(Timeline.key(new PageCursor(NOW.plusSeconds(2), "urn:newsflow:article:c")), "c"));
    }

    @Test
    void fillsTheTimelineOfAStoreWrittenByABuildThatHadNone() {
        KeyValueStore<String, PublishedArticle> versions = driver.getKeyValueStore(PublishTopology.ARTICLES_STORE);
        NinjsDocument older = NinjsMapper.toNinjs(article("old", "Old", "Old body."), 1, RECEIVED, NOW);
        NinjsDocument killed = NinjsMapper.retracted(
                NinjsMapper.toNinjs(article("killed", "Killed", "Killed body."), 1, RECEIVED, NOW), 2, NOW);
        versions.put("old", new PublishedArticle("h-old", older));
        versions.put("killed", new PublishedArticle("h-killed", killed));

        clock.set(NOW.plusSeconds(1));
        enriched.pipeInput("new", article("new", "New", "New body."), RECEIVED);

        assertThat(timeline()).containsExactly(
                tuple(Timeline.key(new PageCursor(NOW.plusSeconds(1), "urn:newsflow:article:new")), "new"),
                tuple(Timeline.key(new PageCursor(NOW, "urn:newsflow:article:old")), "old"));
    }

    @Test
    void timelineKeysSortAsFeedsListNewestFirstThenByUri() {
        List<PageCursor> positions = List.of(new PageCursor(Instant.parse("2026-11-24T09:00:00.000000001Z"), "b"),
                new PageCursor(Instant.parse("2026-11-24T09:00:00Z"), "a"),
                new PageCursor(Instant.parse("2026-11-24T09:00:00Z"), "b"),
                new PageCursor(Instant.parse("2026-11-24T08:59:59.999Z"), "a"),
                new PageCursor(Instant.EPOCH, "a"));

        assertThat(positions.stream().map(Timeline::key).sorted().toList())
                .containsExactlyElementsOf(positions.stream().sorted(PageCursor.NEWEST_FIRST).map(Timeline::key)
                        .toList())
                .containsExactlyElementsOf(positions.stream().map(Timeline::key).toList());
    }

    private List<org.assertj.core.groups.Tuple> timeline() {
        KeyValueStore<String, String> store = driver.getKeyValueStore(Timeline.STORE);
        List<org.assertj.core.groups.Tuple> entries = new java.util.ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            all.forEachRemaining(entry -> entries.add(tuple(entry.key, entry.value)));
        }
        return entries;
    }

    private void pipe(EnrichedArticle article) {
        enriched.pipeInput(article.id(), article, RECEIVED);
    }

    private static EnrichedArticle filler(int i) {
        return withHashes(article("f" + i, "Filler " + i, "Filler body " + i + "."), "sha-f" + i,
                String.format("ffffffff%04xabcd", i));
    }

    private static EnrichedArticle withHashes(EnrichedArticle article, String bodySha, String simHash) {
        return article.withFingerprints(new EnrichedArticle.Fingerprints(article.contentHash(), bodySha, simHash));
    }

    private static EnrichedArticle article(String id, String headline, String body) {
        return EnrichedArticle.basic(id, "test", RECEIVED, headline, List.of(body),
                Integer.toHexString((headline + body).hashCode()));
    }

    /** A clock a test can move: embargoes are released by wall-clock time. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static EnrichedArticle article(String headline, String body) {
        return EnrichedArticle.basic("a1", "test", RECEIVED, headline, List.of(body),
                Integer.toHexString((headline + body).hashCode()));
    }
}
