package io.newsflow.ingest;

import io.newsflow.contract.RawArticle;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Numbers each source's articles in arrival order and drops a repeated idempotency key within {@link #WINDOW}. Runs
 * after the stream is partitioned by source, so one task owns a source's counter and keys; both live in changelogged
 * stores, so a restarted ingest still knows them. Under exactly-once a counter step and its record commit together.
 */
final class SourceLedger implements FixedKeyProcessor<String, RawArticle, RawArticle> {

    static final String SEQUENCES = "ingest-source-sequences";
    static final String IDEMPOTENCY_KEYS = "ingest-idempotency-keys";
    static final Duration WINDOW = Duration.ofHours(24);

    private FixedKeyProcessorContext<String, RawArticle> context;
    private KeyValueStore<String, Long> sequences;
    private KeyValueStore<String, Long> seenKeys;

    @Override
    public void init(FixedKeyProcessorContext<String, RawArticle> context) {
        this.context = context;
        this.sequences = context.getStateStore(SEQUENCES);
        this.seenKeys = context.getStateStore(IDEMPOTENCY_KEYS);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        RawArticle article = record.value();
        if (article.idempotencyKey() != null) {
            String key = article.source() + "\u0000" + article.idempotencyKey();
            Long seen = seenKeys.get(key);
            if (seen != null && record.timestamp() - seen < WINDOW.toMillis()) {
                return; // a retry of what this source already sent: same id, nothing new downstream
            }
            seenKeys.put(key, record.timestamp());
        }
        long number = sequences.get(article.source()) == null ? 1 : sequences.get(article.source()) + 1;
        sequences.put(article.source(), number);
        context.forward(record.withValue(article.withSequence(number)));
    }

    private void forgetExpired(long now) {
        try (KeyValueIterator<String, Long> all = seenKeys.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (now - entry.value >= WINDOW.toMillis()) {
                    seenKeys.delete(entry.key);
                }
            }
        }
    }
}
