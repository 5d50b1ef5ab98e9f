package io.newsflow.kafka.test;

import io.newsflow.kafka.DataDirectory;
import io.newsflow.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Gives integration tests a real Kafka broker as a {@link TestKafka} parameter. One broker serves the whole test
 * JVM (tests use unique topic names or application ids). The backend is Testcontainers' {@link KafkaContainer}
 * (image from {@code -Dnewsflow.kafka.image}, default {@value #DEFAULT_IMAGE}) when a Docker engine is reachable, and
 * the in-process {@link EmbeddedKafkaBroker} otherwise; {@code -Dnewsflow.kafka=embedded|testcontainers} forces one.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> start(), RunningBroker.class);
    }

    private static RunningBroker start() {
        String choice = System.getProperty("newsflow.kafka", "auto").toLowerCase(Locale.ROOT);
        boolean useContainer = switch (choice) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            case "auto" -> dockerReachable();
            default -> throw new IllegalArgumentException(
                    "-Dnewsflow.kafka=" + choice + " is not valid: expected embedded, testcontainers or auto");
        };
        return useContainer ? RunningBroker.container() : RunningBroker.embedded();
    }

    /**
     * Asks Testcontainers only when a Docker endpoint is configured or its default socket exists: its probe logs an
     * ERROR on machines without Docker, which reads like a failure in every build log here.
     */
    private static boolean dockerReachable() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"),
                        ".testcontainers.properties"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The shared broker; JUnit closes it when the root context ends. */
    @SuppressWarnings("deprecation") // CloseableResource is what JUnit 5.x closes without extra configuration.
    static final class RunningBroker implements TestKafka, ExtensionContext.Store.CloseableResource {
        private final String bootstrapServers;
        private final String backend;
        private final AutoCloseable stopper;

        private RunningBroker(String bootstrapServers, String backend, AutoCloseable stopper) {
            this.bootstrapServers = bootstrapServers;
            this.backend = backend;
            this.stopper = stopper;
        }

        static RunningBroker embedded() {
            try {
                Path dir = Files.createTempDirectory("newsflow-test-kafka");
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.of(dir, 0));
                LOG.info("tests use the in-process broker on {}", broker.bootstrapServers());
                return new RunningBroker(broker.bootstrapServers(), "embedded", () -> {
                    broker.close();
                    DataDirectory.delete(dir);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static RunningBroker container() {
            KafkaContainer container = new KafkaContainer(System.getProperty("newsflow.kafka.image", DEFAULT_IMAGE));
            container.start();
            LOG.info("tests use Testcontainers' Kafka on {}", container.getBootstrapServers());
            return new RunningBroker(container.getBootstrapServers(), "testcontainers", container::stop);
        }

        @Override
        public String bootstrapServers() {
            return bootstrapServers;
        }

        @Override
        public String backend() {
            return backend;
        }

        @Override
        public void close() throws Exception {
            stopper.close();
        }
    }
}
