package io.newsflow.kafka.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What integration tests do to topics: send records as a newsroom would, and read what came out (read committed). */
public final class TopicProbe {

    /** The largest record this probe sends: 64 MiB, more than any newsflow topic takes. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

    private final String bootstrapServers;
    private final Map<String, Object> clientConfig;

    public TopicProbe(TestKafka kafka) {
        this.bootstrapServers = kafka.bootstrapServers();
        this.clientConfig = Map.copyOf(kafka.clientConfig());
    }

    /**
     * Sends and waits for the broker's acknowledgement; returns where the record was written. The producer sends
     * records up to {@value #MAX_REQUEST_BYTES} bytes, as a newsroom's producer might be configured to: what the
     * topic takes is the broker's decision.
     */
    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try (var producer = new KafkaProducer<>(config(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_REQUEST_BYTES), new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + record.topic() + ": " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    /**
     * Reads the topic from the beginning until {@code count} records arrived or {@code timeout} passed, then goes on
     * reading for {@code settle} to catch any record beyond the expected ones. Returns what it read, in partition order.
     */
    public List<ConsumerRecord<String, byte[]>> read(String topic, int count, Duration timeout, Duration settle) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** The test's client settings (e.g. SASL_SSL) plus these name/value pairs. */
    private Map<String, Object> config(Object... namesAndValues) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            config.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return config;
    }
}
