package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.kafka.test.TestTls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsCommittedTransactionalRecordsAcrossARestartOnTheSameDataDir() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.of(dataDir, 0))) {
            createTopic(broker.bootstrapServers(), "kept");
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-test"),
                    new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("kept", 0, "k", "committed"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("kept", 0, "k", "aborted"));
                producer.abortTransaction();
            }
        }
        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.of(dataDir, 0))) {
            assertThat(readCommitted(restarted.bootstrapServers(), "kept")).containsExactly("committed");
        }
    }

    @Test
    void authenticatesTheScramUsersItWasFormattedWithOverTlsAfterARestart() throws Exception {
        TestTls tls = TestTls.generate(dataDir.resolve("tls"));
        BrokerSecurity security = new BrokerSecurity(tls.keyStore(), tls.password(), tls.trustStore(), tls.password(),
                new BrokerSecurity.Credentials("broker", "broker-secret"), Map.of("alice", "alice-secret"));
        EmbeddedKafkaBroker.Options options = EmbeddedKafkaBroker.Options.of(dataDir.resolve("broker"), 0)
                .withSecurity(security);
        Map<String, Object> alice = security.clientConfig(new BrokerSecurity.Credentials("alice", "alice-secret"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options)) {
            createTopic(withBootstrap(alice, broker), "secured");
        }
        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(options)) {
            try (Admin admin = Admin.create(withBootstrap(alice, restarted))) {
                assertThat(admin.listTopics().names().get()).contains("secured");
            }
            Map<String, Object> intruder = withBootstrap(
                    security.clientConfig(new BrokerSecurity.Credentials("alice", "guessed")), restarted);
            try (Admin admin = Admin.create(intruder)) {
                assertThatThrownBy(() -> admin.listTopics().names().get())
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(SaslAuthenticationException.class)
                        .hasMessageContaining("SCRAM-SHA-512");
            }
        }
    }

    private static Map<String, Object> withBootstrap(Map<String, Object> config, EmbeddedKafkaBroker broker) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.put("bootstrap.servers", broker.bootstrapServers());
        return copy;
    }

    private static void createTopic(String bootstrap, String name) throws Exception {
        createTopic(Map.of("bootstrap.servers", bootstrap), name);
    }

    private static void createTopic(Map<String, Object> config, String name) throws Exception {
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(1), Optional.empty()))).all().get();
        }
    }

    private static List<String> readCommitted(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && consumer.position(partition) < consumer.endOffsets(
                    List.of(partition)).get(partition)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
