package io.newsflow.enrich;

import io.newsflow.contract.Topics;
import io.newsflow.contract.streams.RejectionRouting;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** news.raw to news.enriched; what cannot be enriched goes to news.dlq with the reason. */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, ArticleEnricher enricher) {
        StreamsBuilder builder = new StreamsBuilder();
        RejectionRouting.apply(
                        builder.stream(topics.raw().name(), topics.raw().consumed()),
                        "enrich",
                        enricher::enrich,
                        topics.raw().valueSerde().serializer(),
                        topics.dlq())
                .to(topics.enriched().name(), topics.enriched().produced());
        return builder.build();
    }
}
