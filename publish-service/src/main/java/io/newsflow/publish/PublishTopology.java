package io.newsflow.publish;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Topics;
import io.newsflow.contract.ninjs.NinjsDocument;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * news.enriched to news.published. Each article is published as ninjs keyed by its uri; an article seen again with the
 * same content is not published again (a redelivery or a re-ingested file), with changed content it is published
 * with the next version.
 */
public final class PublishTopology {

    /** Articles by id: the last published content hash and document. Queried by the HTTP API. */
    public static final String ARTICLES_STORE = "published-articles";

    private PublishTopology() {
    }

    public static Topology build(Topics topics, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ARTICLES_STORE), Serdes.String(),
                JsonSerde.of(PublishedArticle.class)));
        builder.stream(topics.enriched().name(), topics.enriched().consumed())
                .process(() -> new Versioning(clock), Named.as("version-and-map-to-ninjs"), ARTICLES_STORE)
                .to(topics.published().name(), topics.published().produced());
        return builder.build();
    }

    private static final class Versioning extends ContextualProcessor<String, EnrichedArticle, String, NinjsDocument> {
        private final Clock clock;
        private KeyValueStore<String, PublishedArticle> articles;

        Versioning(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void init(org.apache.kafka.streams.processor.api.ProcessorContext<String, NinjsDocument> context) {
            super.init(context);
            articles = context.getStateStore(ARTICLES_STORE);
        }

        @Override
        public void process(Record<String, EnrichedArticle> record) {
            EnrichedArticle article = record.value();
            if (article == null) {
                return; // a tombstone on news.enriched deletes nothing public; retractions are explicit requests
            }
            PublishedArticle previous = articles.get(article.id());
            if (previous != null && previous.contentHash().equals(article.contentHash())) {
                return;
            }
            int version = previous == null ? 1 : previous.version() + 1;
            Instant firstCreated = previous == null ? article.receivedAt()
                    : Instant.parse(previous.document().firstcreated());
            NinjsDocument document = NinjsMapper.toNinjs(article, version, firstCreated, clock.instant());
            articles.put(article.id(), new PublishedArticle(article.contentHash(), document));
            context().forward(record.withKey(ArticleIds.uri(article.id())).withValue(document));
        }
    }
}
