package io.newsflow.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.KafkaPassThrough;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.publish.PublishConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the services' Dockerfiles, read without a Docker engine: each service gets only variables
 * it reads, with values it takes; ports, topics and the broker match what the services and their config expect.
 * What needs {@code mvn package}'s jars is in {@link PackagedServicesIT}.
 */
class ComposeFileTest {

    static final Path COMPOSE = PackagedService.ROOT.resolve("docker-compose.yml");

    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void read() throws IOException {
        compose = new YAMLMapper().readTree(COMPOSE.toFile());
        services = compose.get("services");
    }

    @Test
    void runsTheBrokerItsTopicsAndEachServiceBuiltFromItsDockerfile() {
        assertThat(fieldNames(services))
                .containsExactly("kafka", "topics", "ingest-service", "enrich-service", "publish-service");
        for (PackagedService service : PackagedService.values()) {
            JsonNode build = service(service).get("build");
            assertThat(build.get("context").asText()).isEqualTo(".");
            assertThat(build.get("dockerfile").asText()).isEqualTo(service.serviceName() + "/Dockerfile");
            assertThat(PackagedService.ROOT.resolve(build.get("dockerfile").asText())).isRegularFile();
            assertThat(service(service).has("image")).isFalse();
        }
    }

    @Test
    void setsOnlyVariablesEachServiceReadsWithValuesItTakes() throws IOException {
        for (PackagedService service : PackagedService.values()) {
            Map<String, String> env = environment(service);
            for (String name : env.keySet()) {
                assertThat(service.settings().variableNames().contains(name)
                        || KafkaPassThrough.of(name).isPresent())
                        .as("%s sets %s, which %s does not read", COMPOSE, name, service.serviceName()).isTrue();
            }
            assertThat(service.settings().problems(new Env(env))).as(service.serviceName()).isEmpty();
            service.httpPort(new Env(env));
        }
    }

    @Test
    void publishesEachHttpPortOnTheSamePortOfTheHost() {
        Map<String, List<String>> published = new TreeMap<>();
        for (PackagedService service : PackagedService.values()) {
            List<String> ports = new ArrayList<>();
            service(service).path("ports").forEach(port -> ports.add(port.asText()));
            published.put(service.serviceName(), ports);
            List<Integer> containerPorts = ports.stream()
                    .map(port -> Integer.parseInt(port.substring(port.lastIndexOf(':') + 1))).toList();
            // enrich's port (health only) stays inside the compose network, so that it scales (see below).
            List<Integer> expected = service == PackagedService.ENRICH ? List.of()
                    : service.httpPort(new Env(environment(service))).stream().toList();
            assertThat(containerPorts).as("the port %s listens on", service.serviceName())
                    .containsExactlyElementsOf(expected);
        }
        // README: "docker compose up gives the ingest API on 8081 and the feed on 8080".
        assertThat(published).isEqualTo(Map.of(
                "ingest-service", List.of("8081:8081"),
                "enrich-service", List.of(),
                "publish-service", List.of("8080:8080")));
    }

    @Test
    void letsEnrichScaleOutOverSixPartitions() throws IOException {
        JsonNode enrich = service(PackagedService.ENRICH);
        // A published port or a container name would make a second instance clash with the first.
        assertThat(enrich.has("ports")).isFalse();
        assertThat(enrich.has("container_name")).isFalse();
        for (PackagedService service : PackagedService.values()) {
            assertThat(PipelineSettings.fromEnv(new Env(environment(service))).partitions()).isEqualTo(6);
        }
        assertThat(Files.readString(PackagedService.ROOT.resolve("README.md")))
                .contains("docker compose up --build --scale enrich-service=3");
    }

    @Test
    void createsEveryTopicWithTheConfigsTheServicesWouldGiveIt() {
        JsonNode topics = services.get("topics");
        assertThat(topics.get("image").asText()).isEqualTo(services.get("kafka").get("image").asText());
        assertThat(topics.get("entrypoint")).hasToString("[\"/bin/sh\",\"-c\"]");
        String script = topics.get("command").get(0).asText();
        List<String> lines = script.lines().map(String::strip).toList();
        assertThat(lines.get(0)).isEqualTo("set -e");
        assertThat(lines.get(1)).isEqualTo("create() { /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 "
                + "--create --if-not-exists --replication-factor 1 \"$$@\"; }");
        Map<String, TopicSpec> created = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            TopicSpec spec = TopicSpec.parse(line);
            assertThat(created.put(spec.topic(), spec)).as("created twice: " + spec.topic()).isNull();
        }

        Map<String, TopicSpec> expected = new LinkedHashMap<>();
        for (PackagedService service : PackagedService.values()) {
            Env env = new Env(environment(service));
            PipelineSettings settings = PipelineSettings.fromEnv(env);
            assertThat(settings.kafka().bootstrapServers()).isEqualTo("kafka:9092");
            for (String topic : settings.topics().all()) {
                expected.put(topic, new TopicSpec(topic, TopicAdmin.partitionsFor(settings, topic),
                        new TreeMap<>(TopicAdmin.configFor(settings, topic))));
            }
        }
        // publish-service's subscriptions: compacted, one partition, 1 MiB records (SubscriptionTopic).
        String subscriptions = PublishConfig.fromEnv(new Env(environment(PackagedService.PUBLISH)))
                .webhooks().subscriptionsTopic();
        expected.put(subscriptions, new TopicSpec(subscriptions, 1, new TreeMap<>(Map.of("cleanup.policy", "compact",
                "max.message.bytes", "1048576"))));
        assertThat(created).isEqualTo(expected);
        assertThat(created.keySet()).containsExactly("news.inbound", "news.raw", "news.enriched", "news.published",
                "news.dlq", "news.subscriptions");
        assertThat(created.get("news.raw"))
                .isEqualTo(new TopicSpec("news.raw", 6, new TreeMap<>(Map.of("max.message.bytes", "33554432"))));
    }

    @Test
    void startsTheServicesOnceTheTopicsExistAndTheTopicsOnceTheBrokerIsHealthy() {
        assertThat(services.get("topics").get("depends_on")).hasToString("{\"kafka\":{\"condition\":\"service_healthy\"}}");
        for (PackagedService service : PackagedService.values()) {
            assertThat(service(service).get("depends_on"))
                    .hasToString("{\"topics\":{\"condition\":\"service_completed_successfully\"}}");
        }
    }

    @Test
    void runsTheKafkaImageOfTheTestsInKraftCombinedModeWithItsDataOnAVolume() {
        JsonNode kafka = services.get("kafka");
        assertThat(kafka.get("image").asText()).isEqualTo(System.getProperty("newsflow.kafka.image"))
                .isEqualTo("apache/kafka:4.3.1");
        JsonNode env = kafka.get("environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS").asText()).startsWith("PLAINTEXT://kafka:9092,");
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(1);
        assertThat(kafka.get("volumes")).hasToString("[\"kafka-data:" + env.get("KAFKA_LOG_DIRS").asText() + "\"]");
        assertThat(compose.get("volumes")).hasToString("{\"kafka-data\":null}");
        assertThat(kafka.get("healthcheck").get("test").get(1).asText())
                .isEqualTo("/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null");
    }

    @Test
    void buildsEachImageFromItsModuleOnlyAndRunsItAsAnUnprivilegedUser() throws IOException {
        for (PackagedService service : PackagedService.values()) {
            Dockerfile dockerfile = Dockerfile.read(service.dockerfile());
            assertThat(dockerfile.stages()).hasSize(2);
            Dockerfile.Stage build = dockerfile.stages().get(0);
            assertThat(build.from()).isEqualTo("maven:3.9-eclipse-temurin-17 AS build");
            assertThat(build.only("RUN")).isEqualTo("mvn -B -ntp -Dmaven.test.skip=true package -pl "
                    + service.serviceName() + " -am");
            Dockerfile.Stage runtime = dockerfile.last();
            assertThat(runtime.from()).isEqualTo("eclipse-temurin:17-jre");
            assertThat(runtime.only("USER")).isEqualTo("10001:10001");
            assertThat(runtime.only("RUN")).contains("groupadd --system --gid 10001 newsflow")
                    .contains("useradd --system --uid 10001 --gid newsflow");
        }
    }

    @Test
    void exposesAndHealthChecksTheHttpPortOfEachServiceThatHasOne() throws IOException {
        for (PackagedService service : PackagedService.values()) {
            Dockerfile.Stage runtime = Dockerfile.read(service.dockerfile()).last();
            Optional<Integer> port = service.httpPort(new Env(dockerfileEnv(service)));
            assertThat(runtime.all("EXPOSE")).as(service.serviceName())
                    .containsExactlyElementsOf(port.map(String::valueOf).stream().toList());
            assertThat(runtime.all("HEALTHCHECK")).as(service.serviceName()).containsExactlyElementsOf(port
                    .map(p -> "--interval=10s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS "
                            + "\"http://127.0.0.1:${" + service.httpPortSetting() + ":-" + p + "}/health/ready\" "
                            + "> /dev/null || exit 1")
                    .stream().toList());
        }
        assertThat(PackagedService.INGEST.httpPort(new Env(Map.of()))).contains(8081);
        assertThat(PackagedService.PUBLISH.httpPort(new Env(Map.of()))).contains(8080);
        assertThat(PackagedService.ENRICH.httpPort(new Env(Map.of()))).contains(8082);
    }

    /** A service's environment in the container: its image's ENV, then compose's. */
    static Map<String, String> environment(PackagedService service) {
        Map<String, String> env = new TreeMap<>(dockerfileEnv(service));
        JsonNode variables = service(service).path("environment");
        assertThat(variables.isObject()).as("%s: environment as a map", service.serviceName()).isTrue();
        variables.fields().forEachRemaining(field -> env.put(field.getKey(), field.getValue().asText()));
        return env;
    }

    static Map<String, String> dockerfileEnv(PackagedService service) {
        Map<String, String> env = new TreeMap<>();
        try {
            for (String assignment : Dockerfile.read(service.dockerfile()).last().all("ENV")) {
                int equals = assignment.indexOf('=');
                assertThat(equals).as("ENV NAME=value: " + assignment).isPositive();
                assertThat(assignment).as("one variable per ENV").doesNotContain(" ");
                env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return env;
    }

    private static JsonNode service(PackagedService service) {
        JsonNode node = services.get(service.serviceName());
        assertThat(node).as("%s in %s", service.serviceName(), COMPOSE).isNotNull();
        return node;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One {@code create --topic T --partitions N --config k=v ...} line of the topics service. */
    record TopicSpec(String topic, int partitions, Map<String, String> configs) {

        static TopicSpec parse(String line) {
            String[] words = line.split(" ");
            assertThat(words[0]).as(line).isEqualTo("create");
            String topic = null;
            Integer partitions = null;
            Map<String, String> configs = new TreeMap<>();
            for (int i = 1; i < words.length; i += 2) {
                String value = words[i + 1];
                switch (words[i]) {
                    case "--topic" -> topic = value;
                    case "--partitions" -> partitions = Integer.parseInt(value);
                    case "--config" -> configs.put(value.substring(0, value.indexOf('=')),
                            value.substring(value.indexOf('=') + 1));
                    default -> throw new AssertionError("unexpected " + words[i] + " in: " + line);
                }
            }
            return new TopicSpec(topic, partitions, configs);
        }
    }
}
