package io.newsflow.launcher.bench;

import io.newsflow.contract.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A read_committed consumer of every partition of some topics, from their ends as they were when it was created (so
 * before anything of the run is sent), polled on a thread of its own until closed, as any downstream reader would
 * see them. The time a record was seen is when the poll returned it: one clock ({@link System#nanoTime()}) for
 * sending and seeing, since both happen in this JVM.
 */
abstract class TopicWatch implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    TopicWatch(KafkaSettings kafka, String clientId, List<String> topics, String threadName) {
        this.consumer = new KafkaConsumer<>(kafka.consumerConfig(clientId, null), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.topics = List.copyOf(topics);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is sent
        this.thread = new Thread(this::watch, threadName);
        thread.setDaemon(true);
    }

    /** Starts polling: called by the subclass once its own fields are set. */
    final void startWatching() {
        thread.start();
    }

    /** One record, seen at {@code seenNanos}; on the watching thread. */
    abstract void seen(ConsumerRecord<String, byte[]> record, long seenNanos);

    /** Throws if the watching thread failed. */
    final void check() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("reading " + String.join(", ", topics) + " failed: "
                    + failed.getMessage(), failed);
        }
    }

    private void watch() {
        try {
            while (true) {
                var records = consumer.poll(Duration.ofMillis(200));
                long seen = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    seen(record, seen);
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
