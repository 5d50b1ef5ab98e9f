package io.newsflow.contract.config;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How every newsflow client reaches Kafka. {@code KAFKA_BOOTSTRAP_SERVERS} names the cluster (default
 * {@value #DEFAULT_BOOTSTRAP_SERVERS}, where the embedded broker listens). Any other client setting passes through
 * with a prefix: {@code KAFKA_CLIENT_SECURITY_PROTOCOL=SASL_SSL} sets {@code security.protocol} on every client,
 * {@code KAFKA_PRODUCER_LINGER_MS=5} only on producers; likewise {@code KAFKA_CONSUMER_}, {@code KAFKA_ADMIN_}
 * and {@code KAFKA_STREAMS_} (see {@link KafkaPassThrough}, which also checks them at start).
 */
public record KafkaSettings(
        String bootstrapServers,
        Map<String, Object> common,
        Map<String, Object> producer,
        Map<String, Object> consumer,
        Map<String, Object> admin,
        Map<String, Object> streams) {

    /**
     * The largest record newsflow writes and reads: plain producers' {@code max.request.size}, and the largest value
     * {@link io.newsflow.contract.JsonSerde} reads (a larger one is refused, naming this limit). An article travels
     * as JSON with its text escaped (each quote or line break doubled) and, once enriched, with its body twice
     * (paragraphs and lede/summary): 16 MiB leaves room for articles up to {@link #MAX_ARTICLE_BYTES}, whatever their
     * text.
     */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    /**
     * What newsflow's topics accept ({@code max.message.bytes}): twice {@link #MAX_RECORD_BYTES}. A producer outside
     * newsflow (a newsroom system, a mirror) may be configured to send larger records than newsflow writes; if the
     * topic refused them, that producer would get an error newsflow never sees. A topic that takes them lets the
     * service read each one, refuse it with a reason naming {@link #MAX_RECORD_BYTES}, and dead-letter it whole
     * (see {@link #MAX_DEAD_LETTER_BYTES}). Memory is the price: a service holds such a record two or three times
     * while refusing it (fetched, dead-letter batch): about 100 MB at this limit, which a 512 MB heap can spare once
     * at a time. Larger than this, the broker refuses it and the producer is told.
     */
    public static final int MAX_TOPIC_RECORD_BYTES = 32 * 1024 * 1024;
    /**
     * What news.dlq accepts and what Kafka Streams producers may send ({@code max.request.size}): the largest record
     * of a topic plus room for the dead-letter headers (original headers, reason, position), so that every record a
     * topic accepted can be dead-lettered whole.
     */
    public static final int MAX_DEAD_LETTER_BYTES = MAX_TOPIC_RECORD_BYTES + 1024 * 1024;
    /** The largest article ingest may be configured to accept (see {@link #MAX_RECORD_BYTES}). */
    public static final int MAX_ARTICLE_BYTES = 4 * 1024 * 1024;
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    public KafkaSettings {
        common = Map.copyOf(common);
        producer = Map.copyOf(producer);
        consumer = Map.copyOf(consumer);
        admin = Map.copyOf(admin);
        streams = Map.copyOf(streams);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    public static KafkaSettings fromEnv(Env env) {
        return new KafkaSettings(
                env.string("KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP_SERVERS),
                passThrough(env, KafkaPassThrough.CLIENT),
                passThrough(env, KafkaPassThrough.PRODUCER),
                passThrough(env, KafkaPassThrough.CONSUMER),
                passThrough(env, KafkaPassThrough.ADMIN),
                passThrough(env, KafkaPassThrough.STREAMS));
    }

    public KafkaSettings withBootstrapServers(String servers) {
        return new KafkaSettings(servers, common, producer, consumer, admin, streams);
    }

    /**
     * These settings with a Kafka Streams setting that a service defaults to, unless the environment set it
     * ({@code KAFKA_STREAMS_*} always wins).
     */
    public KafkaSettings withStreamsDefault(String key, Object value) {
        if (streams.containsKey(key)) {
            return this;
        }
        Map<String, Object> withDefault = new HashMap<>(streams);
        withDefault.put(key, value);
        return new KafkaSettings(bootstrapServers, common, producer, consumer, admin, withDefault);
    }

    /** Idempotent, acks=all: a write is acknowledged only once every in-sync replica has it. */
    public Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> config = base(clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        config.putAll(producer);
        return config;
    }

    /** Reads only committed data, so aborted transactions of exactly-once services are never seen. */
    public Map<String, Object> consumerConfig(String clientId, String groupId) {
        Map<String, Object> config = base(clientId);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(consumer);
        return config;
    }

    public Map<String, Object> adminConfig(String clientId) {
        Map<String, Object> config = base(clientId);
        config.putAll(admin);
        return config;
    }

    /** Client settings for a Kafka Streams app; the app adds its own Streams settings on top. */
    public Map<String, Object> streamsClientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(common);
        config.putAll(streams);
        return config;
    }

    private Map<String, Object> base(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        config.putAll(common);
        return config;
    }

    private static Map<String, Object> passThrough(Env env, KafkaPassThrough kind) {
        Map<String, Object> config = new TreeMap<>();
        env.values().forEach((name, value) -> {
            if (KafkaPassThrough.of(name).filter(kind::equals).isPresent()) {
                config.put(kind.configName(name), value);
            }
        });
        return config;
    }
}
