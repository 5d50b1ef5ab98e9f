package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundTopologyTest {

    private static final Instant SENT = Instant.parse("2026-11-24T08:00:00Z");
    private final Topics topics = Topics.of(TopicNames.DEFAULTS);
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> inbound;
    private TestOutputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void startDriver() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of())).withStateDir(stateDir);
        driver = new TopologyTestDriver(InboundTopology.build(topics, new InboundNormalizer(1024)),
                StreamsSettings.forService(settings, "ingest"));
        inbound = driver.createInputTopic(topics.inbound().name(), topics.inbound().keySerde().serializer(),
                topics.inbound().valueSerde().serializer());
        raw = driver.createOutputTopic(topics.raw().name(), topics.raw().keySerde().deserializer(),
                topics.raw().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), topics.dlq().keySerde().deserializer(),
                topics.dlq().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void writesTheEnvelopeKeyedByArticleIdWithHeadersAsSent() {
        RecordHeaders headers = new RecordHeaders();
        HeaderText.put(headers, "content-type", "text/plain");
        HeaderText.put(headers, "source", "wire-desk");
        HeaderText.put(headers, "idempotency-key", "story-7");
        inbound.pipeInput(new TestRecord<>(null, bytes("[ad_1]\nBody\n[ad_2]\nTitle"), headers, SENT));

        assertThat(raw.readKeyValue()).satisfies(kv -> {
            assertThat(kv.key).isEqualTo("story-7");
            assertThat(kv.value).isEqualTo(new RawArticle("story-7", "wire-desk", SENT, ContentTypes.TEXT,
                    "[ad_1]\nBody\n[ad_2]\nTitle"));
        });
        assertThat(raw.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void deadLettersABadRecordAsSentWithItsReasonAndPositionThenGoesOn() {
        byte[] invalid = {(byte) 0xC3, (byte) 0x28};
        inbound.pipeInput("bad", invalid, SENT);
        inbound.pipeInput(null, (byte[]) null, SENT);
        inbound.pipeInput("good", bytes("Title\nBody"), SENT);

        TestRecord<String, byte[]> first = dlq.readRecord();
        assertThat(first.key()).isEqualTo("bad");
        assertThat(first.value()).isEqualTo(invalid);
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.ERROR)).isEqualTo("invalid-utf8");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.MESSAGE)).startsWith("the article is not valid UTF-8");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.inbound");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(HeaderText.get(first.headers(), DeadLetterHeaders.STEP)).isEqualTo("ingest.normalize");

        TestRecord<String, byte[]> second = dlq.readRecord();
        assertThat(second.value()).isNull();
        assertThat(HeaderText.get(second.headers(), DeadLetterHeaders.ERROR)).isEqualTo("null-value");
        assertThat(HeaderText.get(second.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(dlq.isEmpty()).isTrue();

        assertThat(raw.readKeyValue().key).isEqualTo("good");
        assertThat(raw.isEmpty()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
