package io.newsflow.publish.webhooks;

import io.newsflow.contract.config.PipelineSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the subscriptions topic when it is missing: compacted (the latest record per subscription id is kept for
 * ever, a tombstone removes it), one partition (a small registry every instance reads whole), records up to 1 MiB.
 * An existing topic that is not compacted stops the service: its subscriptions would expire.
 */
final class SubscriptionTopic {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionTopic.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A subscription is well under 1 KiB. Unlike the pipeline topics, which take records larger than newsflow reads so
     * that they can be dead-lettered whole, this topic is never dead-lettered from (its reader skips what it cannot
     * read): the broker refuses anything larger at the door and its producer is told.
     */
    static final int MAX_SUBSCRIPTION_BYTES = 1024 * 1024;

    private SubscriptionTopic() {
    }

    /**
     * A topic just created may not be in every broker's metadata yet, and a global store fails to start on a topic
     * without partitions: wait until it has them.
     */
    private static void awaitPartitions(Admin admin, String topic) throws InterruptedException, ExecutionException {
        askUntil("topic " + topic + " has no partitions", () -> admin.describeTopics(List.of(topic)).allTopicNames()
                .get().get(topic).partitions(), partitions -> !partitions.isEmpty());
    }

    /**
     * The topic's cleanup.policy. On a cluster, the broker asked may not know a topic created a moment ago (by this
     * service or another instance) although the one that answered describeTopics did: a 3-broker CI run failed on
     * that.
     */
    private static String cleanupPolicy(Admin admin, String topic) throws InterruptedException, ExecutionException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = askUntil("topic " + topic + " has no configuration", () -> admin.describeConfigs(
                List.of(resource)).all().get().get(resource), answer -> true);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    /** One admin request, which may fail with the broker's answer. */
    private interface AdminCall<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    /**
     * Asks again every 50 ms, for at most {@link #METADATA_TIMEOUT}, while the broker asked does not know the topic
     * yet or the answer is not yet {@code done}.
     */
    private static <T> T askUntil(String stillNot, AdminCall<T> call, Predicate<T> done)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + METADATA_TIMEOUT.toNanos();
        while (true) {
            try {
                T answer = call.get();
                if (done.test(answer)) {
                    return answer;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(stillNot + " " + METADATA_TIMEOUT.toSeconds() + " s after it was created");
            }
            Thread.sleep(50);
        }
    }

    static Map<String, String> compactedConfig(PipelineSettings settings) {
        Map<String, String> config = new HashMap<>(settings.replicationConfigs());
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        config.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_SUBSCRIPTION_BYTES));
        return config;
    }

    static void ensure(PipelineSettings settings, String topic, String clientId) {
        try (Admin admin = Admin.create(settings.kafka().adminConfig(clientId))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                NewTopic compacted = new NewTopic(topic, Optional.of(1), settings.replicationFactor())
                        .configs(compactedConfig(settings));
                try {
                    admin.createTopics(List.of(compacted)).all().get();
                    LOG.info("created compacted topic {}", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                awaitPartitions(admin, topic);
            }
            String policy = cleanupPolicy(admin, topic);
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                throw new IllegalStateException("topic " + topic + " (NEWSFLOW_TOPIC_SUBSCRIPTIONS) has cleanup.policy="
                        + policy + ": subscriptions would expire; set cleanup.policy=compact on it");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + topic + " on "
                    + settings.kafka().bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
