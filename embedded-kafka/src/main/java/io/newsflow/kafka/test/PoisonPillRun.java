package io.newsflow.kafka.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.streams.StreamsService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The part every service's poison-pill test shares: on one topic the service owns, a good record, then each
 * {@link PoisonPill} followed by another good record; then the checks that each pill was dead-lettered whole, once,
 * saying where it was read and what refused it, and that the service's Streams apps kept running. The topic has one
 * partition, so that records keep the order they were sent in.
 */
public final class PoisonPillRun {

    /** What refused a pill: its dead letter's error and step, and a part of its message. */
    public record Refusal(String error, String step, String reason) {
    }

    private final String topic;
    private final List<String> good;
    private final Map<PoisonPill, Long> offsets;

    private PoisonPillRun(String topic, List<String> good, Map<PoisonPill, Long> offsets) {
        this.topic = topic;
        this.good = List.copyOf(good);
        this.offsets = offsets;
    }

    /**
     * Sends the good record {@code good-0}, then each pill followed by the next good record ({@code good-1}, ...),
     * each acknowledged before the next is sent.
     *
     * @param goodRecord the good record for an id, on {@code topic}
     */
    public static PoisonPillRun send(TopicProbe probe, String topic,
                                     Function<String, ProducerRecord<String, byte[]>> goodRecord) {
        List<String> good = new ArrayList<>();
        Map<PoisonPill, Long> offsets = new EnumMap<>(PoisonPill.class);
        good.add(sendGood(probe, goodRecord, good.size()));
        for (PoisonPill pill : PoisonPill.all()) {
            offsets.put(pill, probe.send(new ProducerRecord<>(topic, pill.key(), pill.value())).offset());
            good.add(sendGood(probe, goodRecord, good.size()));
        }
        return new PoisonPillRun(topic, good, offsets);
    }

    /** The good records' ids, in the order they were sent. */
    public List<String> goodIds() {
        return good;
    }

    /**
     * Asserts that {@code dead}, the dead-letter topic as read, is every pill once, in the order sent, with its value
     * as sent, its topic, partition and offset, and the error, step and (a part of the) message of {@code refusals}.
     */
    public void assertDeadLettered(List<ConsumerRecord<String, byte[]>> dead, Map<PoisonPill, Refusal> refusals) {
        assertThat(dead).extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(PoisonPill.all().stream().map(PoisonPill::key).toList());
        for (int i = 0; i < dead.size(); i++) {
            PoisonPill pill = PoisonPill.all().get(i);
            ConsumerRecord<String, byte[]> letter = dead.get(i);
            Refusal refusal = refusals.get(pill);
            assertThat(pill.isValue(letter.value())).as("%s is dead-lettered whole", pill).isTrue();
            assertThat(List.of(header(letter, DeadLetterHeaders.SOURCE_TOPIC),
                    header(letter, DeadLetterHeaders.SOURCE_PARTITION),
                    header(letter, DeadLetterHeaders.SOURCE_OFFSET),
                    header(letter, DeadLetterHeaders.ERROR),
                    header(letter, DeadLetterHeaders.STEP)))
                    .as("where %s was read and what refused it", pill)
                    .containsExactly(topic, "0", Long.toString(offsets.get(pill)), refusal.error(), refusal.step());
            assertThat(header(letter, DeadLetterHeaders.MESSAGE)).as("why %s was refused", pill)
                    .contains(refusal.reason());
        }
    }

    /** Asserts that a Streams app never stopped on the way: running, and none of its stream threads failed. */
    public static void assertRunning(StreamsService streams) {
        assertThat(List.of(streams.state(), streams.failedThreads())).containsExactly(KafkaStreams.State.RUNNING, 0);
    }

    private static String sendGood(TopicProbe probe, Function<String, ProducerRecord<String, byte[]>> goodRecord,
                                   int number) {
        String id = "good-" + number;
        probe.send(goodRecord.apply(id));
        return id;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return HeaderText.get(record.headers(), name);
    }
}
