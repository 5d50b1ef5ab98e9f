package io.newsflow.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries publish's state over from builds that versioned articles after a by-id repartition, before Kafka Streams
 * starts. Those builds kept the last published versions and the held embargoes in stores with one partition per
 * partition of the pipeline's topics ({@code NEWSFLOW_TOPIC_PARTITIONS}, 3 by default); this
 * build keeps them in the duplicate screen's one task, and Kafka Streams refuses a changelog topic whose partition
 * count differs from its task count (it would replace its stream thread for ever). So the stores have new names
 * ({@link PublishTopology#ARTICLES_STORE}, {@link PublishTopology#EMBARGO_STORE}), and this copies the old changelogs
 * into the new ones (one partition) and the articles still waiting in the old by-id repartition topic back into the
 * duplicate screen's input, all in one transaction, then deletes the old topics. Kafka Streams then restores the new
 * stores from their changelogs. A crash before the commit leaves nothing behind; a crash between the commit and the
 * deletion copies again on the next start, which writes the same values again (harmless: a store keeps the last).
 * With no old topic there is nothing to do. Stop every publish instance of the earlier build before starting this one.
 *
 * <p>The screen's input is news.enriched itself when it has one partition (as newsflow creates it since 2026-11-25),
 * else the {@code all-articles} repartition topic ({@link PublishTopology}). A news.enriched of one partition that the
 * build before this one still repartitioned leaves that repartition topic behind, with any articles not yet screened:
 * they are copied back into news.enriched, and the topic deleted, the same way.
 */
final class PublishStateMigration {

    private static final Logger LOG = LoggerFactory.getLogger(PublishStateMigration.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Within the broker's default transaction.max.timeout.ms (15 min): the copy is one transaction. */
    private static final Duration READ_LIMIT = Duration.ofMinutes(12);
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private final PipelineSettings settings;
    private final String applicationId;
    /** The earlier builds' changelogs and the topics their records move to. */
    private final Map<String, String> changelogMoves;
    /** Where the duplicate screen reads articles in this build ({@link PublishTopology}). */
    private final String screenInput;
    /** Earlier builds' inputs of the screen or of versioning, with what turns their records into articles. */
    private final Map<String, UnaryOperator<byte[]>> waitingInputs = new HashMap<>();

    /** @param enrichedPartitions news.enriched's partitions: they decide where the screen reads (as in the topology) */
    PublishStateMigration(PipelineSettings settings, int enrichedPartitions) {
        this.settings = settings;
        this.applicationId = settings.applicationId(PublishConfig.SERVICE);
        this.changelogMoves = Map.of(changelog("published-articles"), changelog(PublishTopology.ARTICLES_STORE),
                changelog("embargoed-articles"), changelog(PublishTopology.EMBARGO_STORE));
        this.screenInput = enrichedPartitions > 1 ? allArticles() : settings.topics().enriched();
        waitingInputs.put(oldRepartition(), PublishStateMigration::articleOf);
        if (!screenInput.equals(allArticles())) {
            // A news.enriched of one partition that the build before this one still repartitioned into one.
            waitingInputs.put(allArticles(), UnaryOperator.identity());
        }
    }

    Map<String, String> changelogMoves() {
        return changelogMoves;
    }

    String oldRepartition() {
        return applicationId + "-by-id-repartition";
    }

    String allArticles() {
        return PublishTopology.allArticlesTopic(applicationId);
    }

    String screenInput() {
        return screenInput;
    }

    /** @return the number of records copied; 0 when there was nothing of an earlier build */
    long run() {
        try (Admin admin = Admin.create(settings.kafka().adminConfig(applicationId + "-state-migration"))) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> old = new ArrayList<>(changelogMoves.keySet().stream().filter(existing::contains).toList());
            old.addAll(waitingInputs.keySet().stream().filter(existing::contains).sorted().toList());
            if (old.isEmpty()) {
                return 0;
            }
            LOG.info("publish state of an earlier build found ({}): moving it to this build's stores", old);
            for (var move : changelogMoves.entrySet()) {
                if (existing.contains(move.getKey()) && !existing.contains(move.getValue())) {
                    createLike(admin, move.getKey(), move.getValue());
                }
            }
            if (existing.contains(oldRepartition()) && !existing.contains(screenInput)) {
                // Always there when an earlier build ran; made as Kafka Streams makes a repartition topic otherwise.
                createLike(admin, oldRepartition(), screenInput());
            }
            long copied = copy(admin, existing);
            admin.deleteTopics(old).all().get();
            LOG.info("publish state moved: {} records copied, {} deleted", copied, old);
            return copied;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot move publish state of an earlier build on "
                    + settings.kafka().bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while moving publish state of an earlier build", e);
        }
    }

    private String changelog(String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /** One partition, and the old topic's own settings (compaction, replication, record size). */
    private static void createLike(Admin admin, String source, String target)
            throws InterruptedException, ExecutionException {
        var description = admin.describeTopics(List.of(source)).allTopicNames().get().get(source);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, source);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Map<String, String> configs = new HashMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                configs.put(entry.name(), entry.value());
            }
        }
        short replicas = (short) description.partitions().get(0).replicas().size();
        try {
            admin.createTopics(List.of(new NewTopic(target, Optional.of(1), Optional.of(replicas)).configs(configs)))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        TopicAdmin.awaitLeaders(admin, List.of(target)); // KAFKA-15591: the copy's producer writes to it at once
    }

    private long copy(Admin admin, Set<String> existing) throws InterruptedException, ExecutionException {
        Map<String, Object> producerConfig = settings.kafka().producerConfig(applicationId + "-state-migration");
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-state-migration");
        producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                KafkaSettings.MAX_TOPIC_RECORD_BYTES);
        Map<String, Object> consumerConfig = settings.kafka().consumerConfig(applicationId + "-state-migration", null);
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                KafkaSettings.MAX_TOPIC_RECORD_BYTES);
        long copied = 0;
        try (var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
             var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (var move : changelogMoves.entrySet()) {
                if (existing.contains(move.getKey())) {
                    copied += copyAll(admin, consumer, move.getKey(), Map.of(), record ->
                            producer.send(new ProducerRecord<>(move.getValue(), 0, record.timestamp(), record.key(),
                                    record.value(), record.headers())));
                }
            }
            for (var input : waitingInputs.entrySet()) {
                if (existing.contains(input.getKey())) {
                    // Only what the earlier build had not processed yet: from its committed offsets on.
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                            .partitionsToOffsetAndMetadata().get();
                    copied += copyAll(admin, consumer, input.getKey(), committed, record ->
                            producer.send(new ProducerRecord<>(screenInput, null, record.timestamp(), record.key(),
                                    input.getValue().apply(record.value()), record.headers())));
                }
            }
            producer.commitTransaction();
        }
        return copied;
    }

    /** A by-id record is a screened article ({@code {"article": …, "nearDuplicateOf": …}}): the screen takes the article. */
    private static byte[] articleOf(byte[] screened) {
        if (screened == null) {
            return null;
        }
        try {
            JsonNode article = Json.mapper().readTree(screened).get("article");
            return article == null ? screened : Json.mapper().writeValueAsBytes(article);
        } catch (java.io.IOException e) {
            return screened; // the screen dead-letters what it cannot read, with the reason
        }
    }

    private static long copyAll(Admin admin, KafkaConsumer<byte[], byte[]> consumer, String topic,
                                Map<TopicPartition, OffsetAndMetadata> from,
                                Consumer<ConsumerRecord<byte[], byte[]>> copy)
            throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(partition -> new TopicPartition(topic, partition.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((partition, info) -> end.put(partition, info.offset()));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata start = from.get(partition);
            if (start != null) {
                consumer.seek(partition, start.offset());
            }
        }
        long copied = 0;
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    copy.accept(record);
                    copied++;
                }
            }
        }
        consumer.unsubscribe();
        return copied;
    }
}
