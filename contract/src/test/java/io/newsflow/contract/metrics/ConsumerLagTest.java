package io.newsflow.contract.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final String MAIN = "newsflow-enrich-StreamThread-1-consumer";

    @Test
    void sumsTheRecordsLagOfEveryPartitionOfTheStreamThreadsMainConsumers() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        put(metrics, "records-lag", MAIN, "news.raw", "0", 5);
        put(metrics, "records-lag", MAIN, "news.raw", "1", 7);
        put(metrics, "records-lag", "newsflow-enrich-StreamThread-2-consumer", "news.raw", "2", 3);

        assertThat(ConsumerLag.of(metrics)).isEqualTo(15.0);
    }

    @Test
    void leavesOutRestoreAndGlobalConsumersUnknownLagsAndOtherMetrics() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        put(metrics, "records-lag", "newsflow-enrich-StreamThread-1-restore-consumer", "changelog", "0", 100);
        put(metrics, "records-lag", "newsflow-publish-webhooks-global-consumer", "news.subscriptions", "0", 100);
        put(metrics, "records-lag", MAIN, "news.raw", "0", Double.NaN);
        put(metrics, "records-lag-max", MAIN, "news.raw", "0", 100);
        put(metrics, "records-lag", MAIN, "news.raw", "1", 2);

        assertThat(ConsumerLag.of(metrics)).isEqualTo(2.0);
    }

    @Test
    void isZeroBeforeAnyPartitionReportedALag() {
        assertThat(ConsumerLag.of(Map.of())).isEqualTo(0.0);
    }

    private static void put(Map<MetricName, Metric> metrics, String name, String client, String topic,
                            String partition, double value) {
        MetricName metricName = new MetricName(name, "consumer-fetch-manager-metrics", "",
                Map.of("client-id", client, "topic", topic, "partition", partition));
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
