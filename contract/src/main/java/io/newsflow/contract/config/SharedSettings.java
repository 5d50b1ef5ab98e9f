package io.newsflow.contract.config;

/**
 * The settings every newsflow service reads: {@link KafkaSettings}, {@link PipelineSettings} (with the topic names of
 * {@link io.newsflow.contract.TopicNames}) and the log levels of {@code log4j2.xml}. Each service's catalogue adds its
 * own to these.
 */
public final class SharedSettings {

    public static final SettingCatalogue CATALOGUE = SettingCatalogue.of("every service",
            new Setting("KAFKA_BOOTSTRAP_SERVERS", "`" + KafkaSettings.DEFAULT_BOOTSTRAP_SERVERS + "`",
                    "the Kafka cluster; `./newsflow run` starts its embedded broker when it is unset"),
            new Setting("KAFKA_CLIENT_*", "—",
                    "a Kafka setting of every client newsflow makes (producers, consumers, admin clients, Streams), "
                            + "e.g. `KAFKA_CLIENT_SECURITY_PROTOCOL=SASL_SSL` sets `security.protocol` (see "
                            + "\"Secure clusters\"); it must be a setting of every client"),
            new Setting("KAFKA_PRODUCER_*", "—", "a producer setting, e.g. `KAFKA_PRODUCER_LINGER_MS=5`"),
            new Setting("KAFKA_CONSUMER_*", "—", "a consumer setting, e.g. `KAFKA_CONSUMER_MAX_POLL_RECORDS=100`"),
            new Setting("KAFKA_ADMIN_*", "—", "an admin client setting, e.g. `KAFKA_ADMIN_REQUEST_TIMEOUT_MS=60000`"),
            new Setting("KAFKA_STREAMS_*", "—", "a Kafka Streams setting, e.g. `KAFKA_STREAMS_COMMIT_INTERVAL_MS=100` "
                    + "(default 50 ms; 20 ms for lower latency at some CPU, see docs/performance.md; "
                    + "`KAFKA_STREAMS_POLL_MS` default 10 ms; `KAFKA_STREAMS_NUM_STREAM_THREADS` default 1, enrich "
                    + "one per core up to the partition count; `KAFKA_STREAMS_NUM_STANDBY_REPLICAS` default 0, "
                    + "ingest and publish 1), or a client's with Streams' prefix, e.g. "
                    + "`KAFKA_STREAMS_PRODUCER_LINGER_MS=5`"),
            new Setting("NEWSFLOW_TOPIC_INBOUND", "`news.inbound`", "the topic newsroom systems write to"),
            new Setting("NEWSFLOW_TOPIC_RAW", "`news.raw`", "the topic of checked, normalized articles"),
            new Setting("NEWSFLOW_TOPIC_ENRICHED", "`news.enriched`", "the topic of enriched articles"),
            new Setting("NEWSFLOW_TOPIC_PUBLISHED", "`news.published`", "the topic of published ninjs documents"),
            new Setting("NEWSFLOW_TOPIC_DLQ", "`news.dlq`", "the dead-letter topic"),
            new Setting("NEWSFLOW_TOPIC_PARTITIONS", "`" + PipelineSettings.DEFAULT_PARTITIONS + "`",
                    "partitions of the topics newsflow creates (`news.inbound` and `news.enriched`: always one): "
                            + "the most instances of one service that share the work"),
            new Setting("NEWSFLOW_TOPIC_REPLICATION_FACTOR", "the broker's default",
                    "replicas of the topics (and Streams' internal topics) newsflow creates"),
            new Setting("NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", "the broker's default",
                    "`min.insync.replicas` of the topics (and Streams' internal topics) newsflow creates: replicas "
                            + "that must have a write before it is acknowledged, 1 to the replication factor"),
            new Setting("NEWSFLOW_APPLICATION_ID_PREFIX", "`newsflow`",
                    "Streams application ids and consumer groups are `PREFIX-ingest`, `-enrich`, `-publish`, "
                            + "`-publish-webhooks`"),
            new Setting("NEWSFLOW_STATE_DIR", "`data/streams` (`./newsflow run`: `DATA_DIR/streams`)",
                    "Kafka Streams state"),
            new Setting("NEWSFLOW_PROCESSING_GUARANTEE", "`" + PipelineSettings.EXACTLY_ONCE + "`",
                    "or `" + PipelineSettings.AT_LEAST_ONCE + "`"),
            new Setting("NEWSFLOW_LOG_LEVEL", "`INFO`", "newsflow's log level (logs go to stderr)"),
            new Setting("NEWSFLOW_LOG_FORMAT", "`" + PipelineSettings.LOG_TEXT + "`", "`" + PipelineSettings.LOG_JSON
                    + "`: one JSON object per log line (Elastic Common Schema), for a log shipper; `"
                    + PipelineSettings.LOG_TEXT + "`: a line for people"),
            new Setting("KAFKA_LOG_LEVEL", "`WARN`", "the Kafka clients' (and embedded broker's) log level"));

    private SharedSettings() {
    }
}
