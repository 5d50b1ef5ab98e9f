package io.newsflow.ingest;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.KafkaSettings;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Writes what ingest took in outside Kafka (files, later HTTP) to news.raw, and what it rejected to news.dlq. One
 * idempotent producer with acks=all: a returned future completes only when the broker has the record, and only
 * then may the caller acknowledge its sender.
 */
public final class ArticleWriter implements AutoCloseable {

    private static final String STEP = "ingest.normalize";
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;

    public ArticleWriter(KafkaSettings kafka, Topics topics, String clientId) {
        this.producer = new KafkaProducer<>(kafka.producerConfig(clientId), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        this.topics = topics;
    }

    public CompletableFuture<RecordMetadata> write(RawArticle article) {
        byte[] value = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article);
        return send(new ProducerRecord<>(topics.raw().name(), article.id(), value));
    }

    /** Dead-letters input that never was on a topic; {@code origin} says where it came from (e.g. a file path). */
    public CompletableFuture<RecordMetadata> reject(byte[] asSent, Rejection rejection, String origin,
                                                    String articleId) {
        var headers = DeadLetterHeaders.forOrigin(rejection, STEP, origin);
        if (articleId != null) {
            HeaderText.put(headers, DeadLetterHeaders.ARTICLE_ID, articleId);
        }
        return send(new ProducerRecord<>(topics.dlq().name(), null, null, articleId, asSent, headers));
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                written.completeExceptionally(error);
            } else {
                written.complete(metadata);
            }
        });
        return written;
    }

    @Override
    public void close() {
        producer.close();
    }
}
