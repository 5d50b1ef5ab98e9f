package io.newsflow.enrich;

import io.newsflow.contract.Topics;
import io.newsflow.contract.metrics.PipelineMeters;
import io.newsflow.contract.streams.RejectionRouting;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/**
 * news.raw to news.enriched; what cannot be enriched goes to news.dlq with the reason. Counts what it writes
 * ({@code newsflow_articles_enriched_total}) and its dead letters.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, ArticleEnricher enricher, PipelineMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        RejectionRouting.apply(
                        builder.stream(topics.raw().name(), topics.raw().consumed()),
                        "enrich",
                        enricher::enrich,
                        topics.raw().valueSerde().serializer(),
                        topics.dlq(),
                        meters)
                .peek((id, article) -> meters.enriched(), Named.as("count-enriched"))
                .to(topics.enriched().name(), topics.enriched().produced());
        return builder.build();
    }
}
