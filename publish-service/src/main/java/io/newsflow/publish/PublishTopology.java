package io.newsflow.publish;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.Topics;
import io.newsflow.contract.TraceContext;
import io.newsflow.contract.metrics.PipelineMeters;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsSchema;
import io.newsflow.contract.streams.RejectionRouting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * news.enriched to news.published. Articles first pass the {@link DuplicateScreen} (one partition: exact duplicates
 * of another article go to news.dlq, near duplicates get an association), then, in the same task, are versioned:
 * each is published as ninjs keyed by its uri with header {@code schema-version}; the same content again
 * is not republished, changed content is the next version, a retraction request republishes the last version as
 * {@code canceled}, and an article embargoed until a later time is held in a store and released by a wall-clock
 * punctuator within {@link #EMBARGO_CHECK} of that time (also after a restart: the store is changelogged). Counts
 * each document it publishes ({@code newsflow_articles_published_total}), the time from the article's receipt by
 * ingest to then ({@code newsflow_end_to_end_latency_seconds}; embargo releases left out, their time is the
 * embargo's), and its dead letters.
 *
 * <p>news.enriched has one partition ({@code TopicAdmin#partitionsFor}), so the screen reads it directly; one that an
 * earlier build created with more is repartitioned into one first, one exactly-once hop more.
 *
 * <p>Versioning runs in the screen's single task rather than after a second repartition by id: that hop cost every
 * article one more exactly-once transaction (latency), a write and a read of the whole article on the broker, and a
 * JSON round trip, while the screen already puts every article through one task, so publish's throughput was bound by
 * that one task either way. Builds before this one versioned after the repartition, in stores of three partitions;
 * {@link PublishStateMigration} carries their state over.
 */
public final class PublishTopology {

    /**
     * Articles by id: the last published content hash and document. Queried by the HTTP API. (Named apart from the
     * earlier builds' {@code published-articles}, whose changelog has three partitions where this one has one.)
     */
    public static final String ARTICLES_STORE = "latest-versions";
    /** Embargoed articles by id, waiting for their time (earlier builds: {@code embargoed-articles}). */
    public static final String EMBARGO_STORE = "held-embargoes";
    public static final String SCHEMA_VERSION_HEADER = "schema-version";
    static final Duration EMBARGO_CHECK = Duration.ofMillis(200);
    /** The repartition into one partition of a news.enriched with more ({@code <app>-all-articles-repartition}). */
    static final String ALL_ARTICLES = "all-articles";

    /** The topic Kafka Streams makes for the all-articles repartition, when the topology has it. */
    public static String allArticlesTopic(String applicationId) {
        return applicationId + "-" + ALL_ARTICLES + "-repartition";
    }
    static final String STEP = "publish.version";
    static final String READ_STEP = "publish.read";

    private PublishTopology() {
    }

    /** {@link #build(Topics, Clock, PipelineMeters, int)} for news.enriched of one partition, as newsflow makes it. */
    public static Topology build(Topics topics, Clock clock, PipelineMeters meters) {
        return build(topics, clock, meters, 1);
    }

    /**
     * @param clock              what the end-to-end latency is measured against, and embargoes
     * @param enrichedPartitions news.enriched's partitions: with one, the screen reads it directly; with more (a
     *                           topic an earlier build created), its articles are first repartitioned into one
     */
    public static Topology build(Topics topics, Clock clock, PipelineMeters meters, int enrichedPartitions) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
                Serdes.String(), JsonSerde.of(PublishedArticle.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EMBARGO_STORE),
                Serdes.String(), JsonSerde.of(Screened.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Timeline.STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DuplicateScreen.INDEX),
                Serdes.String(), Serdes.String()));
        // A record without a value (a tombstone: nothing newsflow writes there) is dead-lettered like any unreadable
        // one, not dropped unseen.
        KStream<String, EnrichedArticle> read = RejectionRouting.apply(
                builder.stream(topics.enriched().name(), topics.enriched().consumed()), READ_STEP,
                Outcome::accepted, topics.enriched().valueSerde().serializer(), topics.dlq(), meters);
        KStream<String, EnrichedArticle> inOneTask = enrichedPartitions == 1 ? read
                : read.repartition(Repartitioned.with(Serdes.String(), topics.enriched().valueSerde())
                        .withNumberOfPartitions(1).withName(ALL_ARTICLES));
        KStream<String, Object> screened = inOneTask
                .process(DuplicateScreen::new, Named.as("duplicate-screen"), DuplicateScreen.INDEX);
        screened.split(Named.as("screened-"))
                .branch((id, value) -> value instanceof DuplicateScreen.Duplicate, Branched.withConsumer(duplicates ->
                        duplicates.mapValues(value -> ((DuplicateScreen.Duplicate) value).asRead(),
                                        Named.as("duplicate-as-read"))
                                .peek((id, asRead) -> meters.deadLettered(DuplicateScreen.STEP),
                                        Named.as("count-duplicate"))
                                .to(topics.dlq().name(), Produced.with(Serdes.String(), Serdes.ByteArray())),
                        "duplicate"))
                .defaultBranch(Branched.withConsumer(articles -> articles
                        .mapValues(value -> (Screened) value, Named.as("as-screened"))
                        .process(() -> new Versioning(clock, meters), Named.as("version-and-map-to-ninjs"), ARTICLES_STORE,
                                EMBARGO_STORE, Timeline.STORE)
                        .split(Named.as("versioned-"))
                        .branch((key, value) -> value instanceof NinjsDocument, Branched.withConsumer(documents ->
                                documents.mapValues(value -> (NinjsDocument) value, Named.as("as-ninjs"))
                                        .to(topics.published().name(), topics.published().produced()), "published"))
                        .defaultBranch(Branched.withConsumer(rejected -> rejected
                                .mapValues(value -> (byte[]) value, Named.as("rejected-as-read"))
                                .to(topics.dlq().name(), Produced.with(Serdes.String(), Serdes.ByteArray())),
                                "rejected")), "article"));
        return builder.build();
    }

    private static final class Versioning extends ContextualProcessor<String, Screened, String, Object> {
        private final Clock clock;
        private final PipelineMeters meters;
        private KeyValueStore<String, PublishedArticle> articles;
        private KeyValueStore<String, Screened> embargoed;
        private KeyValueStore<String, String> timeline;
        private boolean timelineChecked;

        Versioning(Clock clock, PipelineMeters meters) {
            this.clock = clock;
            this.meters = meters;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            super.init(context);
            articles = context.getStateStore(ARTICLES_STORE);
            embargoed = context.getStateStore(EMBARGO_STORE);
            timeline = context.getStateStore(Timeline.STORE);
            context.schedule(EMBARGO_CHECK, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
        }

        /**
         * Builds the timeline of a store written by a build that had none (before session 7): an empty timeline beside
         * published articles. Checked before this task's first write, by the first record or embargo check (every
         * {@link #EMBARGO_CHECK}), not in {@link #init}, where a store written has no record context for its
         * changelog. Reads the whole store once, in the task's thread.
         */
        private void fillTimelineOnce() {
            if (timelineChecked) {
                return;
            }
            timelineChecked = true;
            try (KeyValueIterator<String, String> any = timeline.all()) {
                if (any.hasNext()) {
                    return;
                }
            }
            try (KeyValueIterator<String, PublishedArticle> all = articles.all()) {
                all.forEachRemaining(entry -> list(entry.key, null, entry.value.document()));
            }
        }

        /** Moves an article in the timeline from its previous version's place to its new one's. */
        private void list(String id, NinjsDocument previous, NinjsDocument document) {
            if (previous != null) {
                timeline.delete(Timeline.key(PageCursor.of(previous)));
            }
            if (!EnrichedArticle.CANCELED.equals(document.pubstatus())) { // a retracted article is in no list
                timeline.put(Timeline.key(PageCursor.of(document)), id);
            }
        }

        @Override
        public void process(Record<String, Screened> record) {
            fillTimelineOnce();
            Screened screened = record.value();
            EnrichedArticle article = screened.article();
            if (article.embargoedUntil() != null && article.embargoedUntil().isAfter(clock.instant())) {
                // A later version replaces the held one. Its trace context is kept with it: the release is a new
                // record, without this one's headers.
                embargoed.put(article.id(), screened.held(HeaderText.get(record.headers(), TraceContext.HEADER)));
                return;
            }
            if (embargoed.get(article.id()) != null) {
                // Only when one was held: a delete always writes a tombstone to the changelog, for every article.
                embargoed.delete(article.id());
            }
            publish(record, screened, true);
        }

        private void releaseDue(long now) {
            fillTimelineOnce();
            List<Screened> due = new ArrayList<>();
            try (KeyValueIterator<String, Screened> all = embargoed.all()) {
                all.forEachRemaining(entry -> {
                    if (!entry.value.article().embargoedUntil().isAfter(clock.instant())) {
                        due.add(entry.value);
                    }
                });
            }
            for (Screened screened : due) {
                // Published first, then forgotten: a failure leaves the article held, to be tried again.
                Record<String, Screened> release = new Record<>(screened.article().id(), screened, now);
                if (screened.traceparent() != null) {
                    HeaderText.put(release.headers(), TraceContext.HEADER, screened.traceparent());
                }
                publish(release, screened, false);
                embargoed.delete(screened.article().id());
            }
        }

        /** @param timed whether its end-to-end latency counts: not for an embargo release */
        private void publish(Record<String, Screened> record, Screened screened, boolean timed) {
            EnrichedArticle article = screened.article();
            PublishedArticle previous = articles.get(article.id());
            NinjsDocument document;
            if (article.isRetraction()) {
                if (previous == null) {
                    reject(record, new Rejection("unknown-article", "nothing to retract: article " + article.id()
                            + " was never published"));
                    return;
                }
                if (EnrichedArticle.CANCELED.equals(previous.document().pubstatus())) {
                    return; // already retracted
                }
                document = NinjsMapper.retracted(previous.document(), previous.version() + 1, clock.instant());
            } else {
                if (previous != null && previous.contentHash().equals(article.contentHash())
                        && !EnrichedArticle.CANCELED.equals(previous.document().pubstatus())) {
                    return;
                }
                int version = previous == null ? 1 : previous.version() + 1;
                Instant firstCreated = previous == null ? article.receivedAt()
                        : Instant.parse(previous.document().firstcreated());
                document = NinjsMapper.toNinjs(article, version, firstCreated, clock.instant());
                if (screened.nearDuplicateOf() != null) {
                    document = document.withAssociations(List.of(new NinjsDocument.Association("near-duplicate-of",
                            ArticleIds.uri(screened.nearDuplicateOf()), "text")));
                }
            }
            articles.put(article.id(), new PublishedArticle(
                    article.isRetraction() ? previous.contentHash() : article.contentHash(), document));
            list(article.id(), previous == null ? null : previous.document(), document);
            Record<String, Object> out = record.withKey(ArticleIds.uri(article.id())).<Object>withValue(document);
            HeaderText.put(out.headers(), SCHEMA_VERSION_HEADER, "ninjs-" + NinjsSchema.VERSION);
            context().forward(out);
            meters.published();
            if (timed) {
                meters.endToEnd(Duration.between(article.receivedAt(), clock.instant()));
            }
        }

        private void reject(Record<String, Screened> record, Rejection rejection) {
            // In a punctuator the record metadata is present but names no topic: that is not a record read.
            var source = context().recordMetadata().filter(metadata -> metadata.topic() != null);
            var headers = source.isPresent()
                    ? DeadLetterHeaders.forRecord(record.headers(), rejection, STEP, source.get().topic(),
                    source.get().partition(), source.get().offset())
                    : DeadLetterHeaders.forOrigin(rejection, STEP, "embargo-release");
            HeaderText.put(headers, DeadLetterHeaders.ARTICLE_ID, record.value().article().id());
            byte[] asRead = JsonSerde.of(EnrichedArticle.class).serializer().serialize("dlq", record.value().article());
            context().forward(record.<Object>withValue(asRead).withHeaders(headers));
            meters.deadLettered(STEP);
        }
    }
}
