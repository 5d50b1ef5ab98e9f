package io.newsflow.launcher.bench;

import io.newsflow.contract.HeaderText;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.ingest.InboundTopology;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends the corpus's copies to one topic as a newsroom's Kafka producer would (newsflow's producer settings:
 * idempotent, acks=all, lz4), keyed by article id with a content-type header. Copies are numbered from 0 for each
 * load, so the baseline and the pipeline carry the same articles in the same order.
 */
final class Load implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Arrivals arrivals;
    private final BenchCorpus corpus;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long nextCopy;

    Load(KafkaSettings kafka, String clientId, String topic, Arrivals arrivals, BenchCorpus corpus) {
        this.producer = new KafkaProducer<>(kafka.producerConfig(clientId), new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topic;
        this.arrivals = arrivals;
        this.corpus = corpus;
    }

    /** Sends the phase's articles as fast as the producer takes them; returns the bytes sent once all are acked. */
    long burst(Phase phase) {
        long bytes = 0;
        for (long i = 0; i < phase.expected(); i++) {
            bytes += send(phase, System.nanoTime());
        }
        return flushed(bytes);
    }

    /**
     * Sends the phase's articles at {@code perSecond}, each due at a fixed time from the start. Latency counts from
     * that due time, not from the actual send, so a send that falls behind (a stalled producer, a paused JVM) adds
     * to the latency instead of hiding it (no coordinated omission).
     */
    long paced(Phase phase, int perSecond) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long bytes = 0;
        for (long i = 0; i < phase.expected(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            bytes += send(phase, due);
        }
        return flushed(bytes);
    }

    private int send(Phase phase, long dueNanos) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("the benchmark was stopped while sending");
        }
        BenchArticle article = corpus.article(nextCopy++);
        RecordHeaders headers = new RecordHeaders();
        HeaderText.put(headers, InboundTopology.CONTENT_TYPE_HEADER, article.contentType());
        arrivals.expect(phase, article.id(), dueNanos);
        producer.send(new ProducerRecord<>(topic, null, article.id(), article.value(), headers), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
        return article.value().length;
    }

    private long flushed(long bytes) {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the benchmark's producer failed to write to " + topic + ": "
                    + failed.getMessage(), failed);
        }
        return bytes;
    }

    @Override
    public void close() {
        producer.close();
    }
}
