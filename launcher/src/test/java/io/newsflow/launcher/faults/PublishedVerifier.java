package io.newsflow.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The one judge of every fault test: reads news.published with {@code read_committed} and checks that every article
 * sent is there exactly once per version sent, versions in the order they were sent, each with the content hash of
 * what was sent. Reading ({@link #read}) is kept apart from judging ({@link #judge}) so the judge can be shown to fail.
 */
final class PublishedVerifier {

    private static final String URI_PREFIX = "urn:newsflow:article:";

    /** One record of news.published as the verifier sees it. */
    record Published(String id, int version, String contentHash, String pubstatus) {
    }

    /** What the verifier found; {@link #clean()} when nothing is lost, duplicated, reordered or altered. */
    record Verdict(int expectedRecords, int publishedRecords, List<String> lost, List<String> duplicated,
                   List<String> outOfOrder, List<String> altered, List<String> unexpected) {

        boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty() && outOfOrder.isEmpty() && altered.isEmpty()
                    && unexpected.isEmpty();
        }

        /** One line per finding kind, each with a few examples: what a failing test prints. */
        String summary() {
            return "expected " + expectedRecords + " published records, read " + publishedRecords
                    + "; lost " + lost.size() + examples(lost)
                    + ", duplicated " + duplicated.size() + examples(duplicated)
                    + ", out of order " + outOfOrder.size() + examples(outOfOrder)
                    + ", altered " + altered.size() + examples(altered)
                    + ", unexpected " + unexpected.size() + examples(unexpected);
        }

        private static String examples(List<String> ids) {
            return ids.isEmpty() ? "" : " " + ids.subList(0, Math.min(5, ids.size()));
        }
    }

    private PublishedVerifier() {
    }

    /**
     * Judges what was published against what was sent.
     *
     * @param sent      per article id, the content hash of each version in the order it was sent
     * @param published the records of news.published in partition order (per-key order is what Kafka keeps)
     */
    static Verdict judge(Map<String, List<String>> sent, List<Published> published) {
        Map<String, List<Published>> byId = new LinkedHashMap<>();
        for (Published record : published) {
            byId.computeIfAbsent(record.id(), id -> new ArrayList<>()).add(record);
        }
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<String, List<String>> article : new TreeMap<>(sent).entrySet()) {
            List<String> hashes = article.getValue();
            expected += hashes.size();
            List<Published> got = byId.getOrDefault(article.getKey(), List.of());
            if (got.size() < hashes.size()) {
                lost.add(article.getKey());
            } else if (got.size() > hashes.size()) {
                duplicated.add(article.getKey());
            }
            for (int i = 0; i < Math.min(got.size(), hashes.size()); i++) {
                if (got.get(i).version() != i + 1) {
                    outOfOrder.add(article.getKey());
                    break;
                }
            }
            for (int i = 0; i < Math.min(got.size(), hashes.size()); i++) {
                if (!got.get(i).contentHash().equals(hashes.get(i))) {
                    altered.add(article.getKey());
                    break;
                }
            }
        }
        List<String> unexpected = byId.keySet().stream().filter(id -> !sent.containsKey(id)).sorted().toList();
        return new Verdict(expected, published.size(), lost, duplicated, outOfOrder, altered, unexpected);
    }

    /**
     * Reads news.published from the beginning (read committed) until every version sent has arrived or the deadline
     * passed, then keeps reading for {@code settle} so that duplicates arriving late are seen too. Counting records
     * is not enough to stop: duplicates would make up for versions still on their way.
     */
    static List<Published> read(String bootstrapServers, String topic, Map<String, List<String>> sent,
                                Duration timeout, Duration settle) {
        int expected = sent.values().stream().mapToInt(List::size).sum();
        List<Published> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline
                    && (records.size() < expected || !judge(sent, records).lost().isEmpty())) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> records.add(parse(record)));
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> records.add(parse(record)));
            }
        }
        return records;
    }

    static Published parse(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode document = Json.mapper().readTree(record.value());
            String uri = document.path("uri").asText();
            String id = uri.startsWith(URI_PREFIX) ? uri.substring(URI_PREFIX.length()) : uri;
            return new Published(id, Integer.parseInt(document.path("version").asText("0")),
                    GeneratedArticles.contentHash(document.path("bodies").path(0).path("value").asText()),
                    document.path("pubstatus").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("news.published holds a record that is not JSON at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
    }
}
