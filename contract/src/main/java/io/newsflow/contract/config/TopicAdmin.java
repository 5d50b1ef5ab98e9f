package io.newsflow.contract.config;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates newsflow's topics that are missing; leaves existing ones as they are. */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /**
     * Every topic takes records up to {@link KafkaSettings#MAX_RECORD_BYTES} and has the configured
     * {@code min.insync.replicas} (if any); news.published is compacted: the log keeps every version until
     * compaction, and always the latest version of every article, so a new consumer can rebuild the current feed from
     * the start of the topic.
     */
    static java.util.Map<String, String> configFor(PipelineSettings settings, String topic) {
        java.util.Map<String, String> config = new java.util.HashMap<>(settings.replicationConfigs());
        config.put("max.message.bytes", Integer.toString(KafkaSettings.MAX_RECORD_BYTES));
        if (topic.equals(settings.topics().published())) {
            config.put("cleanup.policy", "compact");
        }
        return config;
    }

    public static void ensureTopics(PipelineSettings settings, String clientId) {
        try (Admin admin = Admin.create(settings.kafka().adminConfig(clientId))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = settings.topics().all().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, java.util.Optional.of(settings.partitions()),
                            settings.replicationFactor()).configs(configFor(settings, name)))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                    LOG.info("created topic {} with {} partitions", entry.getKey(), settings.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // Another service created it between our list and our create: that is the goal.
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + settings.kafka().bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
