package io.newsflow.launcher.bench;

import io.newsflow.contract.config.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Watches the topics between the stages of a latency run ({@link StageTimes.Plan}), like {@link Arrivals} watches the
 * last one, and notes when each article (by record key) was first seen on each. Opened for the latency run only, so
 * that it costs the saturation run nothing.
 */
final class StageWatch extends TopicWatch {

    private final StageTimes times;

    StageWatch(KafkaSettings kafka, String clientId, StageTimes times) {
        super(kafka, clientId, times.plan().topics(), "bench-stages");
        this.times = times;
        startWatching();
    }

    @Override
    void seen(ConsumerRecord<String, byte[]> record, long seenNanos) {
        if (record.key() != null) {
            times.seen(times.plan().topics().indexOf(record.topic()), record.key(), seenNanos);
        }
    }
}
