package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.Body;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import io.newsflow.contract.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishTopologyTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:02.5Z");
    private final Topics topics = Topics.of(TopicNames.DEFAULTS);
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, NinjsDocument> published;

    @BeforeEach
    void startDriver() {
        PipelineSettings settings = PipelineSettings.fromEnv(new Env(Map.of())).withStateDir(stateDir);
        driver = new TopologyTestDriver(PublishTopology.build(topics, Clock.fixed(NOW, ZoneOffset.UTC)),
                StreamsSettings.forService(settings, "publish"));
        enriched = driver.createInputTopic(topics.enriched().name(), topics.enriched().keySerde().serializer(),
                topics.enriched().valueSerde().serializer());
        published = driver.createOutputTopic(topics.published().name(), topics.published().keySerde().deserializer(),
                topics.published().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void publishesNinjsKeyedByUri() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);

        assertThat(published.readKeyValue()).isEqualTo(KeyValue.pair("urn:newsflow:article:a1",
                NinjsDocument.basic("urn:newsflow:article:a1", "1", "und",
                        List.of(new Headline("main", "text/plain", "Headline")),
                        List.of(new Body("main", "text/plain", "Body text.", 0, 0)),
                        "2026-11-24T09:00:00Z", "2026-11-24T09:00:02.500Z")));
        assertThat(published.isEmpty()).isTrue();
    }

    @Test
    void doesNotPublishTheSameContentTwice() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED.plusSeconds(60));

        assertThat(published.readValuesToList()).hasSize(1);
    }

    @Test
    void publishesChangedContentAsTheNextVersionKeepingFirstCreated() {
        enriched.pipeInput("a1", article("Headline", "Body text."), RECEIVED);
        enriched.pipeInput("a1", article("Headline", "Corrected body text."), RECEIVED.plusSeconds(60));

        List<NinjsDocument> versions = published.readValuesToList();
        assertThat(versions).extracting(NinjsDocument::version).containsExactly("1", "2");
        assertThat(versions.get(1).firstcreated()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(versions.get(1).mainBody()).isEqualTo("Corrected body text.");
    }

    private static EnrichedArticle article(String headline, String body) {
        return EnrichedArticle.basic("a1", "test", RECEIVED, headline, List.of(body),
                Integer.toHexString((headline + body).hashCode()));
    }
}
