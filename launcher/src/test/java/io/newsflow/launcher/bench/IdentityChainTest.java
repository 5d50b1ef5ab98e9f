package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class IdentityChainTest {

    @Test
    void aHopCopiesKeyValueAndHeadersUnchanged() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "identity-hop-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                IdentityChain.hop(new StreamsBuilder(), "bench.hop0", "bench.hop1"), props)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("bench.hop0", new ByteArraySerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic("bench.hop1", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            RecordHeaders headers = new RecordHeaders();
            headers.add("content-type", "text/plain".getBytes(StandardCharsets.UTF_8));
            Instant at = Instant.parse("2026-11-24T10:00:00Z");
            in.pipeInput(new TestRecord<>(bytes("bench-7"), bytes("Markets slide (copy 7)."), headers, at));

            TestRecord<byte[], byte[]> copied = out.readRecord();
            assertThat(new String(copied.key(), StandardCharsets.UTF_8)).isEqualTo("bench-7");
            assertThat(new String(copied.value(), StandardCharsets.UTF_8)).isEqualTo("Markets slide (copy 7).");
            assertThat(copied.headers().lastHeader("content-type").value()).isEqualTo(bytes("text/plain"));
            assertThat(copied.getRecordTime()).isEqualTo(at);
            assertThat(out.isEmpty()).isTrue();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
