package io.newsflow.contract;

import static io.newsflow.contract.HeaderText.put;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record on {@code news.dlq}. newsflow's own rejections use the same names as Kafka Streams'
 * dead-letter records (KIP-1034), so a consumer of the dead-letter topic reads one scheme whichever path rejected
 * the record; newsflow adds the article id and the step when it knows them.
 */
public final class DeadLetterHeaders {

    /** The error: a stable code such as {@code empty-body}, or an exception class. */
    public static final String ERROR = "__streams.errors.exception";
    /** The reason, a sentence a person can act on. */
    public static final String MESSAGE = "__streams.errors.message";
    public static final String SOURCE_TOPIC = "__streams.errors.topic";
    public static final String SOURCE_PARTITION = "__streams.errors.partition";
    public static final String SOURCE_OFFSET = "__streams.errors.offset";
    /** Where a record that never was on a topic came from (a file path, an HTTP request). */
    public static final String ORIGIN = "newsflow.origin";
    /** The pipeline step that rejected the record, e.g. {@code ingest.normalize}. */
    public static final String STEP = "newsflow.step";
    public static final String ARTICLE_ID = "newsflow.article.id";
    /**
     * Set only when the input was larger than news.dlq takes: its size in bytes. The dead letter then holds its first
     * {@link io.newsflow.contract.config.KafkaSettings#MAX_TOPIC_RECORD_BYTES} bytes; the whole input stays where it
     * came from (a drop-folder file is never deleted).
     */
    public static final String ORIGINAL_BYTES = "newsflow.original.bytes";

    private DeadLetterHeaders() {
    }

    /**
     * Headers for a rejection of a record read from a topic: the record's own headers are kept, ours are added (and
     * replace any of the same name).
     */
    public static Headers forRecord(Headers original, Rejection rejection, String step,
                                    String topic, int partition, long offset) {
        Headers headers = new RecordHeaders(original.toArray());
        describe(headers, rejection, step);
        put(headers, SOURCE_TOPIC, topic);
        put(headers, SOURCE_PARTITION, Integer.toString(partition));
        put(headers, SOURCE_OFFSET, Long.toString(offset));
        return headers;
    }

    /** Headers for a rejection of input that did not come from a topic. */
    public static Headers forOrigin(Rejection rejection, String step, String origin) {
        Headers headers = new RecordHeaders();
        describe(headers, rejection, step);
        put(headers, ORIGIN, origin);
        return headers;
    }

    private static void describe(Headers headers, Rejection rejection, String step) {
        put(headers, ERROR, rejection.error());
        put(headers, MESSAGE, rejection.reason());
        put(headers, STEP, step);
    }
}
