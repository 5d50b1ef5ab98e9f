package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.Json;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.kafka.BrokerSecurity;
import io.newsflow.kafka.BrokerSecurity.Credentials;
import io.newsflow.kafka.EmbeddedKafkaBroker;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TestTls;
import io.newsflow.kafka.test.TopicProbe;
import io.newsflow.publish.PublishConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a cluster that only speaks SASL_SSL with SCRAM-SHA-512 users: every client (Streams apps with
 * exactly-once, ingest's writer, the admin clients, the launcher's readers, the live stream's consumers) logs in with
 * nothing but the {@code KAFKA_CLIENT_*} variables a user sets, and a client with a wrong password, or without TLS, is
 * refused.
 */
class SecureKafkaPipelineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String USER = "newsflow";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    @TempDir
    static Path shared;
    private static EmbeddedKafkaBroker broker;
    private static TestTls tls;
    private static TestKafka kafka;

    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSaslSslBroker() {
        tls = TestTls.generate(shared.resolve("tls"));
        BrokerSecurity security = new BrokerSecurity(tls.keyStore(), tls.password(), tls.trustStore(),
                tls.password(), new Credentials("broker", "broker-" + UUID.randomUUID()), Map.of(USER, PASSWORD));
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.of(shared.resolve("broker"), 0)
                .withSecurity(security));
        Map<String, Object> userConfig = security.clientConfig(new Credentials(USER, PASSWORD));
        kafka = new TestKafka() {
            @Override
            public String bootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public String backend() {
                return "embedded-sasl-ssl";
            }

            @Override
            public Map<String, Object> clientConfig() {
                return userConfig;
            }
        };
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void runOncePublishesTheSeedWithEveryClientLoggedInFromTheEnvironment() throws Exception {
        // Given the environment of a pipeline pointed at the secure cluster, as a user would export it
        IsolatedRun run = IsolatedRun.on(kafka, "secure-run", tmp.resolve("streams"));
        Map<String, String> env = new HashMap<>(run.settings());
        env.putAll(clientEnv(USER, PASSWORD));

        // When `newsflow run --once` runs the seed folder through it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RunCommand(new Env(env), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(RunOptions.parse(List.of(
                        "--once", "--data-dir", tmp.resolve("data").toString(), SeedArticle.SEEDS.toString())));

        // Then it printed the seed's ninjs document and exited 0
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        SeedArticle.assertIsSeedDocument(lines.get(0));
        // And that document is the one record on the secure cluster's news.published
        List<ConsumerRecord<String, byte[]>> published = new TopicProbe(kafka).read(run.topics().published(), 1,
                TIMEOUT, Duration.ofSeconds(1));
        assertThat(published).hasSize(1);
        assertThat(Json.mapper().readTree(published.get(0).value())).isEqualTo(Json.mapper().readTree(lines.get(0)));
    }

    @Test
    void anArticlePostedToIngestReachesTheLiveStreamAndAWebhookOverSaslSsl() throws Exception {
        // Given the three services configured from the environment, a webhook subscriber and a live stream reader
        IsolatedRun run = IsolatedRun.on(kafka, "secure-api", tmp.resolve("streams"));
        Map<String, String> settings = new HashMap<>(run.settings());
        settings.putAll(clientEnv(USER, PASSWORD));
        Env env = new Env(settings);
        try (TestReceiver receiver = TestReceiver.start();
             Pipeline pipeline = new Pipeline(IngestConfig.fromEnv(env), EnrichConfig.fromEnv(env),
                PublishConfig.fromEnv(env))) {
            pipeline.start();
            String publish = "http://127.0.0.1:" + pipeline.publish().httpPort();
            // (registering writes the subscription to its topic: the webhook registry's producer logs in too)
            HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(URI.create(publish + "/v1/subscriptions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + receiver.url()
                            + "\", \"secret\": \"a-secret-of-24-characters\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(HttpRequest.newBuilder(
                    URI.create(publish + "/stream?from=start")).build(),
                    HttpResponse.BodyHandlers.ofLines());

            // When the seed is POSTed to the ingest API
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + pipeline.ingest().httpPort() + "/v1/articles"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofFile(SeedArticle.FILE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = Json.mapper().readTree(accepted.body()).get("id").asText();

            // Then the live stream, read by its own consumer on the secure cluster, delivers its ninjs document
            HttpResponse<Stream<String>> events = stream.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(events.statusCode()).isEqualTo(200);
            String event = CompletableFuture.supplyAsync(() -> events.body()
                    .filter(line -> line.startsWith("data:")).findFirst().orElseThrow())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode document = Json.mapper().readTree(event.substring("data:".length()));
            assertThat(document.get("uri").asText()).isEqualTo(ArticleIds.uri(id));
            assertThat(document.get("headlines").get(0).get("value").asText()).isEqualTo(SeedArticle.HEADLINE);
            assertThat(document.get("bodies").get(0).get("wordcount").asInt()).isEqualTo(423);
            assertThat(document.get("bodies").get(0).get("charcount").asInt()).isEqualTo(2611);
            // And the webhook subscriber got the same document
            JsonNode delivered = Json.mapper().readTree(receiver.next(TIMEOUT).body());
            assertThat(delivered.get("uri").asText()).isEqualTo(ArticleIds.uri(id));
            assertThat(delivered.get("headlines").get(0).get("value").asText()).isEqualTo(SeedArticle.HEADLINE);
        }
    }

    @Test
    void refusesAClientWithAWrongPasswordAndItWritesNothing() throws Exception {
        // Given a topic on the secure cluster
        String topic = "secure-refused-" + UUID.randomUUID();
        KafkaSettings user = KafkaSettings.fromEnv(new Env(clientEnv(USER, PASSWORD)));
        try (Admin admin = Admin.create(user.adminConfig("secure-it-admin"))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
        }
        // And the settings of a client that has the user's name but not its password
        KafkaSettings intruder = KafkaSettings.fromEnv(new Env(clientEnv(USER, "not-" + PASSWORD)));

        // When it tries to create a topic, then to write to the existing one
        String uncreated = "secure-uncreated-" + UUID.randomUUID();
        try (Admin admin = Admin.create(intruder.adminConfig("secure-it-intruder-admin"))) {
            // Then the broker refuses its login
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(uncreated, Optional.of(1),
                    Optional.empty()))).all().get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512");
        }
        Map<String, Object> producerConfig = new HashMap<>(intruder.producerConfig("secure-it-intruder"));
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "forged")).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512");
        }

        // And nothing it tried exists: no topic created, no record written
        try (Admin admin = Admin.create(user.adminConfig("secure-it-admin"))) {
            assertThat(admin.listTopics().names().get()).contains(topic).doesNotContain(uncreated);
            TopicPartition partition = new TopicPartition(topic, 0);
            assertThat(admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                    .offset()).isZero();
        }
    }

    @Test
    void refusesClientsWithoutTlsOrWithoutTrustInTheBrokerCertificate() throws Exception {
        // A PLAINTEXT client's bytes are no TLS handshake: the broker drops the connection, the client never gets in
        Map<String, Object> plaintext = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TimeoutException.class);
        }

        // A SASL_SSL client with the right password that does not trust the broker's certificate stops at TLS
        Map<String, String> env = new HashMap<>(clientEnv(USER, PASSWORD));
        env.remove("KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION");
        env.remove("KAFKA_CLIENT_SSL_TRUSTSTORE_PASSWORD");
        env.remove("KAFKA_CLIENT_SSL_TRUSTSTORE_TYPE");
        try (Admin admin = Admin.create(KafkaSettings.fromEnv(new Env(env)).adminConfig("secure-it-untrusting"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SslAuthenticationException.class);
        }
    }

    /** What a user exports to reach this cluster: the README's "Secure clusters" variables. */
    private static Map<String, String> clientEnv(String user, String password) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_CLIENT_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"" + user + "\" password=\"" + password + "\";",
                "KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION", tls.trustStore().toString(),
                "KAFKA_CLIENT_SSL_TRUSTSTORE_PASSWORD", tls.password(),
                "KAFKA_CLIENT_SSL_TRUSTSTORE_TYPE", "PKCS12");
    }
}
