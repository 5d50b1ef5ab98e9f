package io.newsflow.launcher.bench;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.config.KafkaSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Watches where articles come out (the output topic and, for the pipeline, news.dlq) as a {@link TopicWatch}, and
 * tells each article's {@link Phase} when it arrived.
 */
final class Arrivals extends TopicWatch {

    private record Pending(Phase phase, long dueNanos) {
    }

    private final String output;
    private final UnaryOperator<String> idOfKey;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong unexpected = new AtomicLong();

    /**
     * @param output      the topic articles are published to
     * @param deadLetters the dead-letter topic, if articles can be rejected on the way
     * @param idOfKey     the article id of an output record's key
     */
    Arrivals(KafkaSettings kafka, String clientId, String output, Optional<String> deadLetters,
             UnaryOperator<String> idOfKey) {
        super(kafka, clientId, deadLetters.map(dlq -> List.of(output, dlq)).orElse(List.of(output)),
                "bench-arrivals-" + output);
        this.output = output;
        this.idOfKey = idOfKey;
        startWatching();
    }

    /** Registers an article before it is sent: {@code dueNanos} is when it was due to go. */
    void expect(Phase phase, String id, long dueNanos) {
        phase.due(id, dueNanos);
        pending.put(id, new Pending(phase, dueNanos));
    }

    /** Records that came out but were not expected (or came out twice): 0 unless something is wrong. */
    long unexpected() {
        return unexpected.get();
    }

    @Override
    void seen(ConsumerRecord<String, byte[]> record, long seenNanos) {
        boolean published = record.topic().equals(output);
        String id = published ? idOfKey.apply(record.key()) : deadLetteredId(record);
        Pending article = id == null ? null : pending.remove(id);
        if (article == null) {
            unexpected.incrementAndGet();
        } else if (published) {
            article.phase().arrived(id, article.dueNanos(), seenNanos);
        } else {
            article.phase().rejected();
        }
    }

    private static String deadLetteredId(ConsumerRecord<String, byte[]> record) {
        String id = HeaderText.get(record.headers(), DeadLetterHeaders.ARTICLE_ID);
        return id != null ? id : record.key();
    }
}
