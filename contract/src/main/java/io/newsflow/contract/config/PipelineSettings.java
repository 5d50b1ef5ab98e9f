package io.newsflow.contract.config;

import io.newsflow.contract.TopicNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What every service reads from the environment besides its own settings.
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>KAFKA_BOOTSTRAP_SERVERS</td><td>127.0.0.1:9092</td><td>the cluster ({@link KafkaSettings})</td></tr>
 *   <tr><td>NEWSFLOW_TOPIC_INBOUND / _RAW / _ENRICHED / _PUBLISHED / _DLQ</td><td>news.*</td><td>topic names</td></tr>
 *   <tr><td>NEWSFLOW_TOPIC_PARTITIONS</td><td>3</td><td>partitions of topics newsflow creates (news.inbound, news.enriched: one, {@link TopicAdmin#partitionsFor})</td></tr>
 *   <tr><td>NEWSFLOW_TOPIC_REPLICATION_FACTOR</td><td>the broker's default</td><td>replicas of topics newsflow creates</td></tr>
 *   <tr><td>NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS</td><td>the broker's default</td><td>{@code min.insync.replicas} of
 *       topics newsflow creates: how many replicas must have a write before it is acknowledged</td></tr>
 *   <tr><td>NEWSFLOW_APPLICATION_ID_PREFIX</td><td>newsflow</td><td>prefix of Streams application ids and consumer groups</td></tr>
 *   <tr><td>NEWSFLOW_STATE_DIR</td><td>data/streams</td><td>Kafka Streams state stores</td></tr>
 *   <tr><td>NEWSFLOW_PROCESSING_GUARANTEE</td><td>exactly_once_v2</td><td>or at_least_once</td></tr>
 * </table>
 */
public record PipelineSettings(
        KafkaSettings kafka,
        TopicNames topics,
        int partitions,
        Optional<Short> replicationFactor,
        Optional<Integer> minInsyncReplicas,
        String applicationIdPrefix,
        Path stateDir,
        String processingGuarantee) {

    public static final int DEFAULT_PARTITIONS = 3;

    public static final String EXACTLY_ONCE = "exactly_once_v2";
    public static final String AT_LEAST_ONCE = "at_least_once";
    /** {@code NEWSFLOW_LOG_FORMAT}'s values: log lines for people (the default), or JSON objects for a shipper. */
    public static final String LOG_TEXT = "text";
    public static final String LOG_JSON = "json";

    /**
     * Exactly-once settings for one run on a shared cluster: topics named {@code RUN.news.*} and application ids
     * {@code RUN-*}, so runs side by side (tests, tenants, trials) never read each other's records.
     */
    public static PipelineSettings forRun(String bootstrapServers, String run, int partitions, Path stateDir) {
        return new PipelineSettings(KafkaSettings.of(bootstrapServers), TopicNames.prefixed(run + "."), partitions,
                Optional.empty(), Optional.empty(), run, stateDir, EXACTLY_ONCE);
    }

    public static PipelineSettings fromEnv(Env env) {
        Optional<Short> replication = env.optional("NEWSFLOW_TOPIC_REPLICATION_FACTOR")
                .map(v -> (short) env.integer("NEWSFLOW_TOPIC_REPLICATION_FACTOR", 1, 1, Short.MAX_VALUE));
        Optional<Integer> minInsync = env.optional("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS")
                .map(v -> env.integer("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", 1, 1, Short.MAX_VALUE));
        if (minInsync.isPresent() && replication.isPresent() && minInsync.get() > replication.get()) {
            // Kafka accepts such a topic, then refuses every acks=all write to it (NotEnoughReplicas): stop here.
            throw new IllegalArgumentException("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS=" + minInsync.get()
                    + " is more than NEWSFLOW_TOPIC_REPLICATION_FACTOR=" + replication.get()
                    + ": no write could ever be acknowledged; expected 1.." + replication.get());
        }
        String prefix = env.string("NEWSFLOW_APPLICATION_ID_PREFIX", "newsflow");
        if (!prefix.matches("[a-zA-Z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("NEWSFLOW_APPLICATION_ID_PREFIX=" + prefix
                    + " is not valid: use 1-100 characters of a-z, A-Z, 0-9, '.', '_' or '-'");
        }
        // log4j2.xml reads it (every service's logging is set up before its settings are); checked here so that a
        // typo is refused at start rather than logged as text.
        env.oneOf("NEWSFLOW_LOG_FORMAT", LOG_TEXT, List.of(LOG_TEXT, LOG_JSON));
        return new PipelineSettings(
                KafkaSettings.fromEnv(env),
                TopicNames.fromEnv(env),
                env.integer("NEWSFLOW_TOPIC_PARTITIONS", DEFAULT_PARTITIONS, 1, 10_000),
                replication,
                minInsync,
                prefix,
                Path.of(env.string("NEWSFLOW_STATE_DIR", "data/streams")),
                env.oneOf("NEWSFLOW_PROCESSING_GUARANTEE", EXACTLY_ONCE, List.of(EXACTLY_ONCE, AT_LEAST_ONCE)));
    }

    /**
     * Topic configs that follow the replication settings, for every topic newsflow creates (its own, Streams'
     * internal ones, news.subscriptions): {@code min.insync.replicas} when set, else nothing (the broker's default).
     */
    public Map<String, String> replicationConfigs() {
        return minInsyncReplicas
                .map(n -> Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(n)))
                .orElse(Map.of());
    }

    /** The Streams application id (and consumer group) of one service, e.g. {@code newsflow-enrich}. */
    public String applicationId(String service) {
        return applicationIdPrefix + "-" + service;
    }

    public PipelineSettings withKafka(KafkaSettings newKafka) {
        return new PipelineSettings(newKafka, topics, partitions, replicationFactor, minInsyncReplicas,
                applicationIdPrefix, stateDir, processingGuarantee);
    }

    public PipelineSettings withStateDir(Path newStateDir) {
        return new PipelineSettings(kafka, topics, partitions, replicationFactor, minInsyncReplicas,
                applicationIdPrefix, newStateDir, processingGuarantee);
    }
}
