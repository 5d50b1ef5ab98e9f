package io.newsflow.launcher.bench;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches where articles come out (the output topic and, for the pipeline, news.dlq) with a read_committed consumer on
 * a thread of its own, as any downstream reader would see them, and tells each article's {@link Phase} when it
 * arrived. Arrival time is when the consumer's poll returned the record: one clock ({@link System#nanoTime()}) for
 * sending and seeing, since both happen in this JVM.
 */
final class Arrivals implements AutoCloseable {

    private record Pending(Phase phase, long dueNanos) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String output;
    private final UnaryOperator<String> idOfKey;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    /**
     * @param output      the topic articles are published to
     * @param deadLetters the dead-letter topic, if articles can be rejected on the way
     * @param idOfKey     the article id of an output record's key
     */
    Arrivals(KafkaSettings kafka, String clientId, String output, Optional<String> deadLetters,
             UnaryOperator<String> idOfKey) {
        this.consumer = new KafkaConsumer<>(kafka.consumerConfig(clientId, null), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.output = output;
        this.idOfKey = idOfKey;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : deadLetters.map(dlq -> List.of(output, dlq)).orElse(List.of(output))) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is sent
        this.thread = new Thread(this::watch, "bench-arrivals-" + output);
        thread.setDaemon(true);
        thread.start();
    }

    /** Registers an article before it is sent: {@code dueNanos} is when it was due to go. */
    void expect(Phase phase, String id, long dueNanos) {
        pending.put(id, new Pending(phase, dueNanos));
    }

    /** Records that came out but were not expected (or came out twice): 0 unless something is wrong. */
    long unexpected() {
        return unexpected.get();
    }

    /** Throws if the watching thread failed. */
    void check() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("reading " + output + " failed: " + failed.getMessage(), failed);
        }
    }

    private void watch() {
        try {
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                long seen = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    boolean published = record.topic().equals(output);
                    String id = published ? idOfKey.apply(record.key()) : deadLetteredId(record);
                    Pending article = id == null ? null : pending.remove(id);
                    if (article == null) {
                        unexpected.incrementAndGet();
                    } else if (published) {
                        article.phase().arrived(seen - article.dueNanos());
                    } else {
                        article.phase().rejected();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close();
        }
    }

    private static String deadLetteredId(ConsumerRecord<String, byte[]> record) {
        String id = HeaderText.get(record.headers(), DeadLetterHeaders.ARTICLE_ID);
        return id != null ? id : record.key();
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
