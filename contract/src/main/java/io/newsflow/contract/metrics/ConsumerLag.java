package io.newsflow.contract.metrics;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** A Kafka Streams app's consumer lag from its client metrics (see {@link ServiceMetrics#bind}). */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * The sum of {@code records-lag} over the partitions the app's stream threads are assigned: only their main
     * consumers ({@code <client.id>-StreamThread-<n>-consumer}), not the restore or global consumers.
     */
    static double of(KafkaStreams streams) {
        return of(streams.metrics());
    }

    static double of(Map<MetricName, ? extends Metric> metrics) {
        double lag = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            String client = name.tags().getOrDefault("client-id", "");
            if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                    && name.tags().containsKey("partition") && client.contains("-StreamThread-")
                    && client.endsWith("-consumer") && !client.endsWith("-restore-consumer")
                    && entry.getValue().metricValue() instanceof Number value && Double.isFinite(value.doubleValue())) {
                lag += value.doubleValue();
            }
        }
        return lag;
    }
}
