package io.newsflow.contract;

import io.newsflow.contract.ninjs.NinjsDocument;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic registry: each newsflow topic with its serdes. Immutable; built once from {@link TopicNames}.
 *
 * <ul>
 *   <li>{@code inbound}: what newsroom systems produce, raw bytes (text, HTML or the JSON envelope).</li>
 *   <li>{@code raw}: ingest's normalized {@link RawArticle}, keyed by article id.</li>
 *   <li>{@code enriched}: enrich's {@link EnrichedArticle}, keyed by article id.</li>
 *   <li>{@code published}: the public feed, one {@link NinjsDocument} per article, keyed by article uri.</li>
 *   <li>{@code dlq}: rejected records as they were read, with {@link DeadLetterHeaders}.</li>
 * </ul>
 */
public record Topics(
        Topic<String, byte[]> inbound,
        Topic<String, RawArticle> raw,
        Topic<String, EnrichedArticle> enriched,
        Topic<String, NinjsDocument> published,
        Topic<String, byte[]> dlq) {

    public static Topics of(TopicNames names) {
        return new Topics(
                new Topic<>(names.inbound(), Serdes.String(), Serdes.ByteArray()),
                new Topic<>(names.raw(), Serdes.String(), JsonSerde.of(RawArticle.class)),
                new Topic<>(names.enriched(), Serdes.String(), JsonSerde.of(EnrichedArticle.class)),
                new Topic<>(names.published(), Serdes.String(), JsonSerde.of(NinjsDocument.class)),
                new Topic<>(names.dlq(), Serdes.String(), Serdes.ByteArray()));
    }

    public static Topics defaults() {
        return of(TopicNames.DEFAULTS);
    }

    public TopicNames names() {
        return new TopicNames(inbound.name(), raw.name(), enriched.name(), published.name(), dlq.name());
    }
}
