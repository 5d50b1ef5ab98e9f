package io.newsflow.launcher.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Pushes generated articles to news.inbound at a steady rate from a background thread, as a newsroom system would:
 * idempotent, acks=all, keyed by id. Every {@code correctionEvery}-th article is sent again later as version 2 with
 * a changed body, so per-key order is tested too. Every write must be acknowledged, or the load fails.
 */
final class ArticleLoad implements AutoCloseable {

    private final String run;
    private final int ratePerSecond;
    private final List<int[]> order;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread thread;

    ArticleLoad(String bootstrapServers, String topic, String run, int articles, int ratePerSecond,
                int correctionEvery) {
        this.run = run;
        this.ratePerSecond = ratePerSecond;
        this.order = sendingOrder(articles, correctionEvery);
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // Outages in the tests last up to ~30 s: keep retrying rather than give up on a write.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000),
                new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::push, "article-load-" + run);
    }

    ArticleLoad start() {
        thread.start();
        return this;
    }

    /** How many versions were handed to the producer so far (acknowledged or not). */
    int sent() {
        return sent.get();
    }

    /** The number of versions the whole load sends: every article once, plus its corrections. */
    int total() {
        return order.size();
    }

    /** Waits until every version was sent and acknowledged; fails if any write failed. */
    Map<String, List<String>> awaitAcknowledged(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the load sent " + sent() + " of " + total() + " within " + timeout);
        }
        producer.flush();
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " writes failed, first: " + failures.get(0), failures.get(0));
        }
        return Map.copyOf(acknowledged);
    }

    /** Waits until at least {@code count} versions were handed to the producer. */
    void awaitSent(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent() < count) {
            if (System.nanoTime() > deadline || !thread.isAlive() && sent() < count) {
                throw new AssertionError("the load sent " + sent() + ", expected " + count + " within " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Article number and version, in sending order. */
    private static List<int[]> sendingOrder(int articles, int correctionEvery) {
        List<int[]> order = new ArrayList<>();
        for (int n = 0; n < articles; n++) {
            order.add(new int[] {n, 1});
            // A correction follows its article a few hundred articles later, so both are in flight at times.
            int corrected = n - 200;
            if (correctionEvery > 0 && corrected >= 0 && corrected % correctionEvery == 0) {
                order.add(new int[] {corrected, 2});
            }
        }
        for (int n = Math.max(0, articles - 200); n < articles; n++) {
            if (correctionEvery > 0 && n % correctionEvery == 0) {
                order.add(new int[] {n, 2});
            }
        }
        return order;
    }

    private void push() {
        long interval = 1_000_000_000L / ratePerSecond;
        long next = System.nanoTime();
        for (int[] item : order) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            send(item[0], item[1]);
        }
    }

    private void send(int n, int version) {
        String id = GeneratedArticles.id(run, n);
        String hash = GeneratedArticles.contentHash(GeneratedArticles.body(run, n, version));
        // Versions of one id are sent from this one thread in order; the idempotent producer keeps that order.
        acknowledged.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>());
        producer.send(new ProducerRecord<>(topic, id, GeneratedArticles.envelope(run, n, version)),
                (metadata, error) -> {
                    if (error != null) {
                        failures.add(error);
                    }
                });
        acknowledged.get(id).add(hash);
        sent.incrementAndGet();
    }

    @Override
    public void close() {
        thread.interrupt();
        producer.close(Duration.ofSeconds(10));
    }
}
