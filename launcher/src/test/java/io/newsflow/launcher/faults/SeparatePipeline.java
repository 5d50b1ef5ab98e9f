package io.newsflow.launcher.faults;

import io.newsflow.contract.TopicNames;
import io.newsflow.contract.config.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as it runs in production, each part its own JVM: {@code newsflow broker} and {@code newsflow start
 * ingest|enrich|publish}, all from the packaged launcher. Fault tests kill and restart the parts.
 */
final class SeparatePipeline implements AutoCloseable {

    /** Kafka's default session time-out (45 s) is how long a kill -9'd member holds its partitions; 6 s is the
     *  broker's minimum, set through the same pass-through a user would use. */
    static final String SESSION_TIMEOUT_MS = "6000";

    private final Path dir;
    private final String bootstrapServers;
    private final Map<String, String> serviceEnv;
    private final List<NewsflowProcess> processes = new ArrayList<>();
    private NewsflowProcess broker;

    private SeparatePipeline(Path dir, String bootstrapServers, Map<String, String> extraEnv) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.bootstrapServers = bootstrapServers;
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("KAFKA_STREAMS_SESSION_TIMEOUT_MS", SESSION_TIMEOUT_MS);
        env.putAll(extraEnv);
        this.serviceEnv = Map.copyOf(env);
    }

    /** Starts a broker in its own JVM on a fresh data directory under {@code dir}. */
    static SeparatePipeline withBroker(Path dir, Map<String, String> extraEnv) {
        int brokerPort = freePort();
        SeparatePipeline pipeline = new SeparatePipeline(dir, "127.0.0.1:" + brokerPort, extraEnv);
        pipeline.broker = NewsflowProcess.start("broker", dir, Map.of(), "broker",
                "--data-dir", dir.resolve("data").toString(), "--broker-port", Integer.toString(brokerPort));
        pipeline.broker.awaitLog("Kafka broker listening on", Duration.ofSeconds(90));
        return pipeline;
    }

    /** Services only, against a cluster that is already running (and that {@link #broker()} knows nothing of). */
    static SeparatePipeline onCluster(Path dir, String bootstrapServers, Map<String, String> extraEnv) {
        return new SeparatePipeline(dir, bootstrapServers, extraEnv);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    TopicNames topics() {
        return TopicNames.fromEnv(new Env(serviceEnv));
    }

    /** The broker JVM of {@link #withBroker}; null on a cluster. */
    NewsflowProcess broker() {
        return broker;
    }

    /**
     * Starts instance {@code instance} of a service ({@code ingest}, {@code enrich}, {@code publish}) with its own
     * state directory and HTTP port, and waits until it has started its streams.
     */
    NewsflowProcess start(String service, int instance) {
        return start(List.of(service), instance).get(0);
    }

    /** Starts instance {@code instance} of each service at once (JVMs start in parallel), then waits for them all. */
    List<NewsflowProcess> start(List<String> services, int instance) {
        List<NewsflowProcess> started = new ArrayList<>();
        for (String service : services) {
            Map<String, String> env = new HashMap<>(serviceEnv);
            String name = service + "-" + instance;
            env.put("NEWSFLOW_STATE_DIR", dir.resolve("state").resolve(name).toString());
            env.put("NEWSFLOW_" + service.toUpperCase(java.util.Locale.ROOT) + "_HTTP_PORT",
                    Integer.toString(freePort()));
            NewsflowProcess process = NewsflowProcess.start(name, dir, env, "start", service);
            processes.add(process);
            started.add(process);
        }
        for (int i = 0; i < services.size(); i++) {
            started.get(i).awaitLog(services.get(i) + "-service: started", Duration.ofSeconds(120));
        }
        return started;
    }

    /** Restarts a killed or stopped service instance and waits until it has started its streams again. */
    static void restart(NewsflowProcess process, String service) {
        process.restart();
        process.awaitLog(service + "-service: started", Duration.ofSeconds(120));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        processes.forEach(NewsflowProcess::close);
        if (broker != null) {
            broker.close();
        }
    }
}
