package io.newsflow.launcher;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.config.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning as a read-committed consumer outside any group: the launcher's view of what was
 * published and what was dead-lettered.
 */
final class FeedReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    FeedReader(KafkaSettings kafka, String topic, String clientId) {
        this.consumer = new KafkaConsumer<>(kafka.consumerConfig(clientId, null), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads up to the current end of every partition, handing each record over in partition order. */
    void readToEnd(Consumer<ConsumerRecord<String, byte[]>> handler) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(handler);
        }
    }

    /** Reads whatever arrives within {@code wait}. */
    void poll(Duration wait, Consumer<ConsumerRecord<String, byte[]>> handler) {
        consumer.poll(wait).forEach(handler);
    }

    /** The latest published document (JSON text) of each article id read so far. */
    static Map<String, String> latestByArticleId(FeedReader reader) {
        Map<String, String> latest = new LinkedHashMap<>();
        reader.readToEnd(record -> {
            if (record.key() != null && record.value() != null) {
                latest.put(ArticleIds.idOf(record.key()), new String(record.value(), StandardCharsets.UTF_8));
            }
        });
        return latest;
    }

    /** The rejection ({@code error: reason}) of each article id dead-lettered since {@code since}. */
    static Map<String, String> rejectionsByArticleId(FeedReader reader, Instant since) {
        Map<String, String> rejected = new LinkedHashMap<>();
        reader.readToEnd(record -> {
            String id = HeaderText.get(record.headers(), DeadLetterHeaders.ARTICLE_ID);
            if (id != null && record.timestamp() >= since.toEpochMilli()) {
                rejected.put(id, HeaderText.get(record.headers(), DeadLetterHeaders.ERROR) + ": "
                        + HeaderText.get(record.headers(), DeadLetterHeaders.MESSAGE));
            }
        });
        return rejected;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
