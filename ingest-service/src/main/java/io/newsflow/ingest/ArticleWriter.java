package io.newsflow.ingest;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.TraceContext;
import io.newsflow.contract.metrics.PipelineMeters;
import io.newsflow.contract.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Writes what ingest took in outside Kafka (HTTP, files) to news.inbound, exactly as sent with the headers a Kafka
 * producer would set, so every article takes the same path (normalization, source ledger, idempotency) whatever door
 * it came in by; and what it rejected to news.dlq. One idempotent producer with acks=all: a returned future completes
 * only when the broker has the record, and only then may the caller acknowledge its sender. Sends give up after
 * {@link #DELIVERY_TIMEOUT} so that a broker outage is answered (503) rather than waited out. Each rejection written
 * counts as a dead letter and a rejected article.
 */
public final class ArticleWriter implements AutoCloseable {

    private static final String STEP = "ingest.normalize";
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final PipelineMeters meters;

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    public ArticleWriter(KafkaSettings kafka, Topics topics, String clientId, ServiceMetrics metrics) {
        Map<String, Object> config = new HashMap<>(kafka.producerConfig(clientId));
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        if (!kafka.producer().containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
            // Accepted articles are bounded by ingest's own size limit; what it rejects is not, and must still reach
            // news.dlq (a 25 MB drop-folder file failed the whole run at the plain producers' 16 MiB).
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaSettings.MAX_DEAD_LETTER_BYTES);
            config.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * KafkaSettings.MAX_DEAD_LETTER_BYTES);
        }
        this.producer = new KafkaProducer<>(config, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        this.topics = topics;
        this.meters = metrics.meters();
        metrics.bind(producer);
    }

    /**
     * Sends a message to news.inbound as it arrived, keyed by the id ingest gave it (the topology gives it the same
     * id again), stamped with its arrival time.
     */
    public CompletableFuture<RecordMetadata> submit(InboundMessage message, RawArticle article, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        HeaderText.put(headers, InboundTopology.CONTENT_TYPE_HEADER, article.contentType());
        HeaderText.put(headers, InboundTopology.SOURCE_HEADER, article.source());
        if (article.idempotencyKey() != null) {
            HeaderText.put(headers, InboundTopology.IDEMPOTENCY_KEY_HEADER, article.idempotencyKey());
        }
        HeaderText.put(headers, TraceContext.HEADER, TraceContext.continueOrStart(traceparent));
        return send(new ProducerRecord<>(topics.inbound().name(), null, message.receivedAt().toEpochMilli(),
                article.id(), message.value(), headers));
    }

    /**
     * Dead-letters input that never was on a topic; {@code origin} says where it came from (e.g. a file path).
     *
     * @param asSent        the input, or its first bytes when it was too large to read whole
     * @param originalBytes the input's whole size
     */
    public CompletableFuture<RecordMetadata> reject(byte[] asSent, long originalBytes, Rejection rejection,
                                                    String origin, String articleId) {
        var headers = DeadLetterHeaders.forOrigin(rejection, STEP, origin);
        if (articleId != null) {
            HeaderText.put(headers, DeadLetterHeaders.ARTICLE_ID, articleId);
        }
        byte[] kept = asSent;
        if (originalBytes > KafkaSettings.MAX_TOPIC_RECORD_BYTES) {
            kept = Arrays.copyOf(asSent, Math.min(asSent.length, KafkaSettings.MAX_TOPIC_RECORD_BYTES));
            HeaderText.put(headers, DeadLetterHeaders.ORIGINAL_BYTES, Long.toString(originalBytes));
        }
        return send(new ProducerRecord<>(topics.dlq().name(), null, null, articleId, kept, headers))
                .whenComplete((written, error) -> {
                    if (error == null) {
                        meters.deadLettered(STEP);
                        meters.rejected(rejection.error());
                    }
                });
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    written.completeExceptionally(error);
                } else {
                    written.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            written.completeExceptionally(e); // e.g. no metadata within max.block.ms: the broker is unreachable
        }
        return written;
    }

    /** Flushes what was sent (each send ends within {@link #DELIVERY_TIMEOUT} anyway) and closes the producer. */
    @Override
    public void close() {
        producer.close(DELIVERY_TIMEOUT.plusSeconds(5));
    }
}
