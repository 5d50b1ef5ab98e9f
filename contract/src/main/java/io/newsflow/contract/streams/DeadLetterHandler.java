package io.newsflow.contract.streams;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.metrics.PipelineMeters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' deserialization and processing exception handler for every newsflow Streams app: a record that
 * cannot be read, or that a processor fails on, goes to the dead-letter topic
 * ({@code errors.dead.letter.queue.topic.name}) as it was read, with {@link DeadLetterHeaders}, and the app goes on
 * with the next record. Except where a dead letter would do harm; then the record is skipped with a warning (Kafka
 * Streams counts it in its {@code dropped-records} metric either way):
 * <ul>
 *   <li>a record of the dead-letter topic itself (ingest's status flow reads it): its dead letter would come back to
 *   the same reader, fail again, and loop for ever;</li>
 *   <li>a record of a topic the app only observes ({@value #OBSERVED_TOPICS_CONFIG}): the service that owns the
 *   topic dead-letters it; a second dead letter of the same record would count one rejection twice;</li>
 *   <li>a record of a global store (webhook subscriptions): Kafka Streams 4.3 cannot send dead letters from its
 *   global thread (it fails and stops the app), and a global store re-reads its whole topic on every start, so each
 *   restart would dead-letter the same records again;</li>
 *   <li>a failure without a record (a punctuator): there is nothing to dead-letter.</li>
 * </ul>
 * Each dead letter it writes is counted in {@code newsflow_dead_letters_total{step}} of the service's
 * {@link PipelineMeters}, which Streams hands it through its configuration ({@value #METERS_CONFIG}): Streams makes
 * the handler from a class name, so the configuration is the one way in that is not a global.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** The service's name ({@code enrich}...), for the {@link DeadLetterHeaders#STEP} header. */
    public static final String SERVICE_CONFIG = "newsflow.service";
    /** Comma-separated topics the app reads but does not own: their failures are skipped, not dead-lettered. */
    public static final String OBSERVED_TOPICS_CONFIG = "newsflow.errors.observed.topics";
    /** The service's {@link PipelineMeters} (an object, not a string); without it nothing is counted. */
    public static final String METERS_CONFIG = "newsflow.meters";
    /** A reason is a sentence: exception messages longer than this are cut, the dead letter stays small. */
    static final int MAX_REASON_CHARS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String deadLetterTopic;
    private String service = "streams";
    private Set<String> observed = Set.of();
    private PipelineMeters meters = PipelineMeters.unobserved();

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
        Object name = configs.get(SERVICE_CONFIG);
        if (name != null) {
            service = name.toString();
        }
        if (configs.get(METERS_CONFIG) instanceof PipelineMeters configured) {
            meters = configured;
        }
        Object topics = configs.get(OBSERVED_TOPICS_CONFIG);
        if (topics != null) {
            observed = Arrays.stream(topics.toString().split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return deadLetter(context, record.key(), record.value(), exception, service + ".read")
                .map(letter -> DeserializationExceptionHandler.Response.resume(List.of(letter)))
                .orElseGet(DeserializationExceptionHandler.Response::resume);
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        return deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), exception,
                service + "." + context.processorNodeId())
                .map(letter -> ProcessingExceptionHandler.Response.resume(List.of(letter)))
                .orElseGet(ProcessingExceptionHandler.Response::resume);
    }

    private Optional<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
                                                                Exception exception, String step) {
        Rejection rejection = rejection(exception);
        Optional<String> skip = whySkip(context);
        if (skip.isPresent()) {
            LOG.warn("{}: skipping record {}/{}/{} without a dead letter ({}): {}: {}", service, context.topic(),
                    context.partition(), context.offset(), skip.get(), rejection.error(), rejection.reason());
            return Optional.empty();
        }
        LOG.warn("{}: dead-lettering record {}/{}/{} to {}: {}: {}", service, context.topic(), context.partition(),
                context.offset(), deadLetterTopic, rejection.error(), rejection.reason());
        Headers original = context.headers() == null ? new RecordHeaders() : context.headers();
        Headers headers = DeadLetterHeaders.forRecord(original, rejection, step, context.topic(),
                context.partition(), context.offset());
        meters.deadLettered(step);
        return Optional.of(new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), key, value, headers));
    }

    /** Why a failed record must not be dead-lettered, if it must not (see the class comment). */
    Optional<String> whySkip(ErrorHandlerContext context) {
        if (deadLetterTopic == null) {
            return Optional.of("no dead-letter topic is configured");
        }
        if (context.topic() == null) {
            return Optional.of("no record was being read: a punctuator failed");
        }
        if (context.taskId() != null && context.taskId().subtopology() < 0) {
            return Optional.of("it feeds a global store, which cannot send dead letters and re-reads its topic on"
                    + " every start");
        }
        if (context.topic().equals(deadLetterTopic)) {
            return Optional.of("it is on the dead-letter topic itself: its dead letter would come back here");
        }
        if (observed.contains(context.topic())) {
            return Optional.of("this app only observes " + context.topic() + "; the service that owns it"
                    + " dead-letters it");
        }
        return Optional.empty();
    }

    private static Rejection rejection(Exception exception) {
        Rejection rejection = Rejection.of(exception);
        String reason = rejection.reason();
        return reason.length() <= MAX_REASON_CHARS ? rejection
                : new Rejection(rejection.error(), reason.substring(0, MAX_REASON_CHARS) + "…");
    }
}
