package io.newsflow.launcher;

import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.ingest.InboundTopology;
import io.newsflow.publish.PublishTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the pipeline has processed everything written to it so far: ingest has committed past the end of
 * news.inbound (and of its by-source repartition topic, if it has one), enrich past the end of news.raw, then publish
 * past the end of news.enriched (and of its all-articles repartition topic, if it has one), each as it stood then.
 * All run exactly-once, so a committed offset means their output (or dead letter) is in the log. This is how
 * {@code run --once} knows it is done even when nothing new was published (an article already published by an earlier
 * run).
 */
final class PipelineDrain implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private final Admin admin;
    private final PipelineSettings settings;

    PipelineDrain(PipelineSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(settings.kafka().adminConfig(settings.applicationId("launcher-drain")));
    }

    void await(Instant deadline) throws TimeoutException, InterruptedException {
        String ingest = settings.applicationId("ingest");
        String publish = settings.applicationId("publish");
        // Each service's input, then its repartition topic, if its topology has one: only for a news.inbound or
        // news.enriched of more than one partition (TopicAdmin#partitionsFor). Streams creates it when the app first
        // joins its group, before it processes anything, so once the input is consumed it exists or never will.
        awaitConsumed(ingest, settings.topics().inbound(), deadline);
        awaitConsumedIfCreated(ingest, InboundTopology.bySourceTopic(ingest), deadline);
        awaitConsumed(settings.applicationId("enrich"), settings.topics().raw(), deadline);
        awaitConsumed(publish, settings.topics().enriched(), deadline);
        awaitConsumedIfCreated(publish, PublishTopology.allArticlesTopic(publish), deadline);
    }

    private void awaitConsumedIfCreated(String group, String topic, Instant deadline)
            throws TimeoutException, InterruptedException {
        if (get(admin.listTopics().names()).contains(topic)) {
            awaitConsumed(group, topic, deadline);
        }
    }

    private void awaitConsumed(String group, String topic, Instant deadline)
            throws TimeoutException, InterruptedException {
        Map<TopicPartition, Long> ends = committedEndsOnceCreated(topic, deadline);
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = get(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            boolean done = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
            if (done) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException(group + " has not consumed " + topic + " up to " + ends
                        + " (committed: " + committed + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Internal topics appear when their Streams app first joins its group: wait for them until the deadline. */
    private Map<TopicPartition, Long> committedEndsOnceCreated(String topic, Instant deadline)
            throws TimeoutException, InterruptedException {
        while (true) {
            try {
                return committedEnds(topic);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("topic " + topic + " was never created");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** The end of each partition that a read-committed consumer can reach (the last stable offset). */
    private Map<TopicPartition, Long> committedEnds(String topic) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        int partitions = get(admin.describeTopics(java.util.List.of(topic)).allTopicNames()).get(topic)
                .partitions().size();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
