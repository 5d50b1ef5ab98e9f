package io.newsflow.launcher.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Three KRaft nodes, each broker and controller, in the test JVM (Kafka's own {@link KafkaClusterTestKit}), configured
 * as a small production cluster: everything replicated three times, two replicas needed for a write. Clients reach it
 * on localhost; the test kit picks free ports (and binds them on every interface: its choice, not configurable).
 */
final class KraftCluster implements AutoCloseable {

    static final int NODES = 3;

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final KafkaClusterTestKit cluster;

    private KraftCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Formats and starts the nodes under {@code dir}, and waits until every broker is ready. */
    static KraftCluster start(Path dir) throws Exception {
        TestKitNodes testKitNodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(NODES)
                .setNumControllerNodes(NODES)
                .setBaseDirectory(dir)
                // What a released broker formats with (the kit defaults to the unreleased one under development).
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(testKitNodes)
                .setConfigProp("unstable.api.versions.enable", "false")
                .setConfigProp("unstable.feature.versions.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // A stopped node hands nothing over: its partitions stay led by it until the controller misses its
                // heartbeats (broker.session.timeout.ms) and fences it, as after a crash. A test JVM cannot kill -9
                // one of its own brokers; this is the closest it gets.
                .setConfigProp("controlled.shutdown.enable", "false")
                .build();
        try {
            cluster.format();
            startControllersThenBrokers(cluster);
            cluster.waitForReadyBrokers();
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return new KraftCluster(cluster);
    }

    /**
     * What {@code KafkaRaftServer} does on each node, and {@link KafkaClusterTestKit#startup()} does not guarantee: it
     * starts controllers and brokers at once, and when a combined node's broker starts the node's shared Raft client
     * first, that client has no controller listener; its first UpdateRaftVoter request then carries none, the leader
     * answers INVALID_REQUEST and the node's Raft thread dies (Kafka 4.3.1: in each of the 4 runs tried here).
     */
    private static void startControllersThenBrokers(KafkaClusterTestKit cluster) throws Exception {
        ExecutorService starter = Executors.newCachedThreadPool();
        try {
            List<Future<?>> controllers = new ArrayList<>();
            for (ControllerServer controller : cluster.controllers().values()) {
                controllers.add(starter.submit(controller::startup));
            }
            for (Future<?> started : controllers) {
                started.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            // Brokers wait for the controllers to unfence them, so they start side by side.
            List<Future<?>> brokers = new ArrayList<>();
            for (BrokerServer broker : cluster.brokers().values()) {
                brokers.add(starter.submit(broker::startup));
            }
            for (Future<?> started : brokers) {
                started.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            starter.shutdownNow();
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /**
     * Stops node {@code id} without a controlled shutdown: its broker stops serving at once (leaders and all), then
     * its controller leaves the quorum. The node stays down.
     */
    void stopNode(int id) {
        cluster.brokers().get(id).shutdown();
        cluster.controllers().get(id).shutdown();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
