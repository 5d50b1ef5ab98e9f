package io.newsflow.contract.streams;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.Topic;
import io.newsflow.contract.metrics.PipelineMeters;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Applies a step to every record of a stream and splits the outcomes: accepted values flow on, rejected records go
 * to the dead-letter topic as they were read, with headers naming the reason and the topic, partition and offset.
 * Used by every topology so that no step swallows a record. Each dead letter is counted in
 * {@code newsflow_dead_letters_total{step}}.
 */
public final class RejectionRouting {

    private RejectionRouting() {
    }

    public static <I, O> KStream<String, O> apply(
            KStream<String, I> input,
            String step,
            Function<I, Outcome<O>> function,
            Serializer<I> inputSerializer,
            Topic<String, byte[]> deadLetters,
            PipelineMeters meters) {
        return apply(input, step, function, inputSerializer, deadLetters, meters, rejection -> { });
    }

    /** @param onRejected also told of each rejection as it is dead-lettered (ingest counts its rejections so) */
    public static <I, O> KStream<String, O> apply(
            KStream<String, I> input,
            String step,
            Function<I, Outcome<O>> function,
            Serializer<I> inputSerializer,
            Topic<String, byte[]> deadLetters,
            PipelineMeters meters,
            Consumer<Rejection> onRejected) {
        KStream<String, Attempt<I, O>> attempts = input.mapValues(
                value -> new Attempt<>(value, value == null
                        ? Outcome.rejected("null-value", "the record has no value (a tombstone); expected an article")
                        : Outcome.attempt(value, function)),
                Named.as(step));
        attempts.filter((key, attempt) -> attempt.outcome() instanceof Outcome.Rejected<O>, Named.as(step + "-rejected"))
                .processValues(() -> new ToDeadLetter<I, O>(step, inputSerializer, meters, onRejected), Named.as(step + "-to-dead-letter"))
                .to(deadLetters.name(), deadLetters.produced());
        return attempts
                .filter((key, attempt) -> attempt.outcome() instanceof Outcome.Accepted<O>, Named.as(step + "-accepted"))
                .mapValues(attempt -> ((Outcome.Accepted<O>) attempt.outcome()).value(), Named.as(step + "-value"));
    }

    record Attempt<I, O>(I input, Outcome<O> outcome) {
    }

    private static final class ToDeadLetter<I, O> extends ContextualFixedKeyProcessor<String, Attempt<I, O>, byte[]> {
        private final String step;
        private final Serializer<I> inputSerializer;
        private final PipelineMeters meters;
        private final Consumer<Rejection> onRejected;

        ToDeadLetter(String step, Serializer<I> inputSerializer, PipelineMeters meters,
                     Consumer<Rejection> onRejected) {
            this.step = step;
            this.inputSerializer = inputSerializer;
            this.meters = meters;
            this.onRejected = onRejected;
        }

        @Override
        public void process(FixedKeyRecord<String, Attempt<I, O>> record) {
            Rejection rejection = ((Outcome.Rejected<O>) record.value().outcome()).rejection();
            RecordMetadata source = context().recordMetadata().orElseThrow();
            var headers = DeadLetterHeaders.forRecord(
                    record.headers(), rejection, step, source.topic(), source.partition(), source.offset());
            if (record.key() != null) {
                io.newsflow.contract.HeaderText.put(headers, DeadLetterHeaders.ARTICLE_ID, record.key());
            }
            byte[] original = inputSerializer.serialize(source.topic(), record.value().input());
            meters.deadLettered(step);
            onRejected.accept(rejection);
            context().forward(record.withValue(original).withHeaders(headers));
        }
    }
}
