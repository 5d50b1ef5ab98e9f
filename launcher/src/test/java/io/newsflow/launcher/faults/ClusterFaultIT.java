package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.TopicNames;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three brokers (KRaft, each also a controller), every topic replicated three times with min.insync.replicas=2, the
 * three services in their own JVMs: one node is stopped for good while articles stream through every hop, and the
 * load and the services carry on. Two replicas of everything remain, so nothing may be lost or published twice.
 * The node is stopped without a controlled shutdown (see {@link KraftCluster#stopNode}): the closest to a crash a
 * broker in the test's own JVM gets.
 */
class ClusterFaultIT {

    private static final int ARTICLES = Integer.getInteger("newsflow.faults.cluster.articles", 2_000);
    private static final int RATE = Integer.getInteger("newsflow.faults.cluster.rate", 200);
    private static final int CORRECTION_EVERY = 20;
    private static final int WARM_UP_ARTICLES = 100;
    private static final int REPLICATION_FACTOR = 3;
    private static final int MIN_INSYNC_REPLICAS = 2;

    /** Kept when the test fails: the service logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void stoppingOneOfThreeBrokersMidStreamLosesAndDuplicatesNothing() throws Exception {
        String run = "cluster";
        long started = System.nanoTime();
        try (KraftCluster cluster = KraftCluster.start(dir.resolve("kafka"));
             Admin admin = cluster.admin();
             SeparatePipeline pipeline = SeparatePipeline.onCluster(dir.resolve(run), cluster.bootstrapServers(),
                     Map.of("NEWSFLOW_TOPIC_REPLICATION_FACTOR", Integer.toString(REPLICATION_FACTOR),
                             "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS", Integer.toString(MIN_INSYNC_REPLICAS)))) {
            FaultLog.phase(run, started, KraftCluster.NODES + "-node KRaft cluster ready at "
                    + cluster.bootstrapServers());
            List<NewsflowProcess> services = pipeline.start(List.of("ingest", "enrich", "publish"), 1);
            NewsflowProcess ingest = services.get(0);
            NewsflowProcess enrich = services.get(1);
            NewsflowProcess publish = services.get(2);
            // Given: every topic of the pipeline holds three replicas and needs two of them for a write, Streams'
            // internal topics included (created before a Streams application first runs its tasks).
            awaitRunning(ingest, "ingest");
            awaitRunning(enrich, "enrich");
            awaitRunning(publish, "publish");
            awaitRunning(publish, "publish-webhooks");
            TopicNames topics = pipeline.topics();
            Set<String> checked = assertReplicated(admin, topics);
            FaultLog.phase(run, started, "ingest, enrich and publish running; replication factor "
                    + REPLICATION_FACTOR + " and min.insync.replicas " + MIN_INSYNC_REPLICAS + " on all "
                    + checked.size() + " topics: " + checked);
            // A first few articles through every hop, so that the stop below meets records in flight at each of
            // them rather than services still starting (JIT, first transactions): minutes on a loaded machine.
            Map<String, List<String>> sent = new HashMap<>();
            try (ArticleLoad warmUp = new ArticleLoad(pipeline.bootstrapServers(), topics.inbound(), run + "-warmup",
                    WARM_UP_ARTICLES, RATE, 0).start()) {
                sent.putAll(warmUp.awaitAcknowledged(Duration.ofMinutes(2)));
            }
            PublishedVerifier.Verdict warmedUp = PublishedVerifier.judge(sent, PublishedVerifier.read(
                    pipeline.bootstrapServers(), topics.published(), sent, Duration.ofMinutes(3), Duration.ZERO));
            assertThat(warmedUp.lost()).as("warm-up: " + warmedUp.summary()).isEmpty();
            FaultLog.phase(run, started, "warm-up: " + WARM_UP_ARTICLES + " articles published");

            try (ArticleLoad load = new ArticleLoad(pipeline.bootstrapServers(), topics.inbound(), run, ARTICLES, RATE,
                    CORRECTION_EVERY).start()) {
                // When: the leader of news.raw-0 goes away a third of the way through the stream.
                load.awaitSent(load.total() / 3, Duration.ofMinutes(5));
                int victim = leader(admin, topics.raw(), 0);
                String inFlight = progress(admin, topics);
                FaultLog.phase(run, started, "stopping node " + victim + " (leader of " + topics.raw() + "-0) at "
                        + load.sent() + " of " + load.total() + " sent; " + inFlight);
                long stopping = System.nanoTime();
                cluster.stopNode(victim);
                FaultLog.phase(run, started, String.format("node %d stopped (%.1f s)", victim,
                        (System.nanoTime() - stopping) / 1e9));
                awaitLeadersAndIsrWithout(admin, victim, checked, Duration.ofMinutes(2));
                FaultLog.phase(run, started, String.format("every partition led by a live node, in-sync replicas"
                        + " without node %d, %.1f s after the stop began", victim,
                        (System.nanoTime() - stopping) / 1e9));

                // Then: every write was acknowledged, and news.published holds each version exactly once, in order.
                sent.putAll(load.awaitAcknowledged(Duration.ofMinutes(5)));
                FaultLog.phase(run, started, "all " + load.total() + " acknowledged; " + progress(admin, topics)
                        + String.format("; load average %.1f on %d cores",
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                                Runtime.getRuntime().availableProcessors()));
                List<PublishedVerifier.Published> published = PublishedVerifier.read(pipeline.bootstrapServers(),
                        topics.published(), sent, Duration.ofMinutes(4), Duration.ofSeconds(5));
                PublishedVerifier.Verdict verdict = PublishedVerifier.judge(sent, published);
                FaultLog.phase(run, started, "verified: " + verdict.summary());

                assertThat(verdict.clean()).as(verdict.summary()).isTrue();
                assertThat(verdict.publishedRecords()).isEqualTo(verdict.expectedRecords())
                        .isEqualTo(WARM_UP_ARTICLES + load.total());
                assertThat(services).as("no service needed a restart").allMatch(NewsflowProcess::isAlive);
                assertThat(services).extracting(NewsflowProcess::starts).containsOnly(1);
            }
        }
    }

    /** How far each hop has got: the last stable offsets of news.raw, news.enriched and news.published. */
    private static String progress(Admin admin, TopicNames topics) throws ExecutionException, InterruptedException {
        List<String> hops = new ArrayList<>();
        for (String topic : List.of(topics.raw(), topics.enriched(), topics.published())) {
            hops.add(topic + " " + lastStableOffsets(admin, topic));
        }
        return "last stable offsets (records and markers) " + String.join(", ", hops);
    }

    /**
     * Asserts that every topic has {@value #REPLICATION_FACTOR} replicas per partition, and that newsflow's own and
     * Streams' internal topics carry min.insync.replicas={@value #MIN_INSYNC_REPLICAS} as a topic config (set when
     * they were created, not inherited from the broker's default, which is the same here). Returns the topics.
     */
    private static Set<String> assertReplicated(Admin admin, TopicNames topics)
            throws ExecutionException, InterruptedException {
        Set<String> names = new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
        assertThat(names).containsAll(topics.all())
                .contains("news.subscriptions", "__consumer_offsets", "__transaction_state");
        assertThat(names).as("Streams' internal topics").anyMatch(name -> name.endsWith("-changelog"))
                .anyMatch(name -> name.endsWith("-repartition"));
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        for (String name : names) {
            assertThat(descriptions.get(name).partitions()).as(name + " replicas")
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(REPLICATION_FACTOR));
            ConfigEntry minInsync = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            assertThat(minInsync.value()).as(name + " min.insync.replicas")
                    .isEqualTo(Integer.toString(MIN_INSYNC_REPLICAS));
            if (!name.startsWith("__")) {
                assertThat(minInsync.source()).as(name + " min.insync.replicas source")
                        .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            }
        }
        return names;
    }

    private static int leader(Admin admin, String topic, int partition)
            throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().get(partition).leader().id();
    }

    /** Waits until no partition of these topics is led by, or counts as in sync, node {@code stopped}. */
    private static void awaitLeadersAndIsrWithout(Admin admin, int stopped, Set<String> topics, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waiting = List.of();
        while (System.nanoTime() < deadline) {
            try {
                waiting = new ArrayList<>();
                for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                    for (TopicPartitionInfo partition : topic.partitions()) {
                        Node leader = partition.leader();
                        if (leader == null || leader.id() == stopped
                                || partition.isr().stream().anyMatch(node -> node.id() == stopped)) {
                            waiting.add(topic.name() + "-" + partition.partition());
                        }
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                // The admin client's own node may be the stopped one: ask again.
                waiting = List.of(e.getCause().toString());
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("still led by or in sync with node " + stopped + " after " + timeout + ": "
                + waiting.subList(0, Math.min(10, waiting.size())));
    }

    /** Waits until the Streams application of a service (e.g. {@code newsflow-enrich}) runs its tasks. */
    private static void awaitRunning(NewsflowProcess process, String service) {
        process.awaitLog("newsflow-" + service + ": REBALANCING -> RUNNING", Duration.ofMinutes(2));
    }

    /**
     * The sum of the topic's last stable offsets: records plus transaction markers up to the first open transaction,
     * so above what a read_committed consumer sees; enough to tell how far each hop has got.
     */
    private static long lastStableOffsets(Admin admin, String topic) throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().values()
                .stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }
}
