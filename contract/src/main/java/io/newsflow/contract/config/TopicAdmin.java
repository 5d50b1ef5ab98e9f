package io.newsflow.contract.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates newsflow's topics that are missing; leaves existing ones as they are. */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    /**
     * Every topic takes records up to {@link KafkaSettings#MAX_TOPIC_RECORD_BYTES}, more than the services read, so
     * that a record too large for them reaches a service and is dead-lettered whole instead of failing its producer;
     * news.dlq takes {@link KafkaSettings#MAX_DEAD_LETTER_BYTES}, room for such a record and its dead-letter headers.
     * Every topic has the configured {@code min.insync.replicas} (if any). news.published is compacted: the log keeps
     * every version until compaction, and always the latest version of every article, so a new consumer can rebuild
     * the current feed from the start of the topic.
     */
    public static java.util.Map<String, String> configFor(PipelineSettings settings, String topic) {
        java.util.Map<String, String> config = new java.util.HashMap<>(settings.replicationConfigs());
        config.put("max.message.bytes", Integer.toString(topic.equals(settings.topics().dlq())
                ? KafkaSettings.MAX_DEAD_LETTER_BYTES : KafkaSettings.MAX_TOPIC_RECORD_BYTES));
        if (topic.equals(settings.topics().published())) {
            config.put("cleanup.policy", "compact");
        }
        return config;
    }

    /**
     * news.inbound and news.enriched have one partition, every other topic {@code NEWSFLOW_TOPIC_PARTITIONS}. Each
     * feeds a step that needs every article in one place: ingest numbers each source's articles and drops repeated
     * idempotency keys, publish screens every article for duplicates. With more partitions each service had to
     * repartition its input into the layout that step needs first: one exactly-once hop more, a full commit cycle
     * (~60 ms at the median, docs/performance.md "Session 6") and a write and a read of every article. Neither step
     * costs much CPU; enrich, which does, scales out on news.raw's partitions.
     */
    public static int partitionsFor(PipelineSettings settings, String topic) {
        return topic.equals(settings.topics().inbound()) || topic.equals(settings.topics().enriched())
                ? 1 : settings.partitions();
    }

    /**
     * The partitions {@code topic} has, or, when it does not exist yet, those {@link #ensureTopics} creates it with.
     * An earlier build created every topic with {@code NEWSFLOW_TOPIC_PARTITIONS}: they keep them (partitions cannot be
     * taken away), and the services read them as they did.
     */
    public static int partitionCount(PipelineSettings settings, String topic, String clientId) {
        return existingPartitions(settings, topic, clientId).orElseGet(() -> partitionsFor(settings, topic));
    }

    /** The partitions of {@code topic}; empty when it does not exist. */
    public static Optional<Integer> existingPartitions(PipelineSettings settings, String topic,
                                                                 String clientId) {
        try (Admin admin = Admin.create(settings.kafka().adminConfig(clientId))) {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot describe topic " + topic + " on "
                    + settings.kafka().bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        }
    }

    public static void ensureTopics(PipelineSettings settings, String clientId) {
        try (Admin admin = Admin.create(settings.kafka().adminConfig(clientId))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = settings.topics().all().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.of(partitionsFor(settings, name)),
                            settings.replicationFactor()).configs(configFor(settings, name)))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                    LOG.info("created topic {} with {} partitions", entry.getKey(),
                            partitionsFor(settings, entry.getKey()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // Another service created it between our list and our create: that is the goal.
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + settings.kafka().bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Returns once every partition of the new topics has a leader in the broker's metadata. Writing sooner can lose
     * an idempotent producer's first batch (KAFKA-15591, open in Kafka 4.3: a batch refused with NOT_LEADER before the
     * broker applied the topic's creation is overtaken by the next one and then retried as out of order until its
     * delivery time-out); seen here as a test feeding a just-created topic losing its first records.
     */
    public static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException,
            ExecutionException {
        long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
        while (true) {
            boolean ready;
            try {
                ready = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null
                                && !partition.leader().isEmpty()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false; // created, but not yet in the metadata of the broker that answered
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("topics {} have partitions without a leader after {} s; going on", topics,
                        LEADER_WAIT.toSeconds());
                return;
            }
            Thread.sleep(50);
        }
    }
}
