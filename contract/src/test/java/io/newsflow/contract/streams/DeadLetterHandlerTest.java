package io.newsflow.contract.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.metrics.PipelineMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    private static final long TIMESTAMP = 1_790_000_000_000L;
    private static final byte[] KEY = "a1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{\"id\":".getBytes(StandardCharsets.UTF_8);

    private final DeadLetterHandler handler = configured("news.raw,news.enriched");

    @Test
    void deadLettersAnUnreadableRecordAsReadWithItsPositionTheReasonAndItsOwnHeaders() {
        var response = handler.handleError(context("news.inbound", new TaskId(0, 1), "source"), consumed(),
                new SerializationException("value on topic news.inbound is not a valid RawArticle"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
        assertThat(letter.topic()).isEqualTo("news.dlq");
        assertThat(letter.partition()).isNull();
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(letter.timestamp()).isEqualTo(TIMESTAMP);
        assertThat(header(letter, DeadLetterHeaders.ERROR))
                .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(letter, DeadLetterHeaders.MESSAGE))
                .isEqualTo("value on topic news.inbound is not a valid RawArticle");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.inbound");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("1");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("42");
        assertThat(header(letter, DeadLetterHeaders.STEP)).isEqualTo("ingest.read");
        assertThat(header(letter, "traceparent")).isEqualTo("00-trace-span-01");
    }

    @Test
    void deadLettersTheSourceRecordOfAFailedProcessorNamingTheProcessor() {
        var response = handler.handleError(context("news.inbound", new TaskId(0, 1), "source-ledger"),
                new Record<>("a1", "value", TIMESTAMP), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(VALUE);
            assertThat(header(letter, DeadLetterHeaders.ERROR)).isEqualTo("java.lang.IllegalStateException");
            assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isEqualTo("boom");
            assertThat(header(letter, DeadLetterHeaders.STEP)).isEqualTo("ingest.source-ledger");
        });
    }

    @Test
    void neverDeadLettersARecordOfTheDeadLetterTopicItself() {
        var response = handler.handleError(context("news.dlq", new TaskId(1, 0), "status-read-dlq"), consumed(),
                new SerializationException("unreadable"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(handler.whySkip(context("news.dlq", new TaskId(1, 0), "status-read-dlq")))
                .hasValue("it is on the dead-letter topic itself: its dead letter would come back here");
    }

    @Test
    void skipsARecordOfATopicTheAppOnlyObserves() {
        var response = handler.handleError(context("news.enriched", new TaskId(1, 0), "status-enriched"),
                new Record<>("a1", "value", TIMESTAMP), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void skipsARecordOfAGlobalStoreWhichCannotSendDeadLetters() {
        var response = handler.handleError(context("news.subscriptions", new TaskId(-1, -1), "subscriptions"),
                consumed(), new SerializationException("unreadable"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void skipsAFailedPunctuatorWhichReadNoRecord() {
        assertThat(handler.handleError(context(null, new TaskId(0, 0), "version"),
                new Record<>("a1", "value", TIMESTAMP), new IllegalStateException("boom")).deadLetterQueueRecords())
                .isEmpty();
    }

    @Test
    void cutsAVeryLongReason() {
        var response = handler.handleError(context("news.inbound", new TaskId(0, 0), "source"), consumed(),
                new SerializationException("x".repeat(10_000)));

        assertThat(header(response.deadLetterQueueRecords().get(0), DeadLetterHeaders.MESSAGE))
                .hasSize(DeadLetterHandler.MAX_REASON_CHARS + 1).endsWith("x…");
    }

    @Test
    void countsEachDeadLetterItWritesByStepAndNoneItSkips() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterHandler counting = new DeadLetterHandler();
        counting.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "news.dlq",
                DeadLetterHandler.SERVICE_CONFIG, "ingest", DeadLetterHandler.OBSERVED_TOPICS_CONFIG, "news.raw",
                DeadLetterHandler.METERS_CONFIG, new PipelineMeters(registry)));

        counting.handleError(context("news.inbound", new TaskId(0, 1), "source"), consumed(),
                new SerializationException("unreadable"));
        counting.handleError(context("news.inbound", new TaskId(0, 1), "source"), consumed(),
                new SerializationException("unreadable"));
        counting.handleError(context("news.inbound", new TaskId(0, 1), "source-ledger"),
                new Record<>("a1", "value", TIMESTAMP), new IllegalStateException("boom"));
        counting.handleError(context("news.dlq", new TaskId(1, 0), "status-read-dlq"), consumed(),
                new SerializationException("unreadable"));
        counting.handleError(context("news.raw", new TaskId(1, 0), "status-read-raw"), consumed(),
                new SerializationException("unreadable"));

        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "ingest.read").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("step", "ingest.source-ledger").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).counters()).hasSize(2);
    }

    private static DeadLetterHandler configured(String observed) {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "news.dlq",
                DeadLetterHandler.SERVICE_CONFIG, "ingest", DeadLetterHandler.OBSERVED_TOPICS_CONFIG, observed));
        return handler;
    }

    private static ConsumerRecord<byte[], byte[]> consumed() {
        return new ConsumerRecord<>("news.inbound", 1, 42, TIMESTAMP, TimestampType.CREATE_TIME, KEY.length,
                VALUE.length, KEY, VALUE, headers(), Optional.empty());
    }

    private static Headers headers() {
        Headers headers = new RecordHeaders();
        HeaderText.put(headers, "traceparent", "00-trace-span-01");
        return headers;
    }

    private static TestErrorContext context(String topic, TaskId task, String node) {
        return new TestErrorContext(topic, 1, 42, headers(), node, task, TIMESTAMP, KEY, VALUE);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return HeaderText.get(record.headers(), name);
    }
}
