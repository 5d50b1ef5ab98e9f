package io.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void roundTripsRawArticle() {
        RawArticle raw = new RawArticle("a1", "folder:seeds", RECEIVED, ContentTypes.TEXT, "[ad_1]\nBody ’ — %\n");
        assertThat(roundTrip(raw, RawArticle.class)).isEqualTo(raw);
    }

    @Test
    void roundTripsEnrichedArticle() {
        EnrichedArticle article = new EnrichedArticle("a1", "src", RECEIVED, "Headline", List.of("One.", "Two."),
                "One.", "Ana Ruiz", "MADRID (EFE)", "https://example.com/a1",
                List.of(new EnrichedArticle.MediaReference("image", "https://example.com/a.jpg", "A photo")),
                "en", 0.97, 2, 9, 1,
                List.of(new EnrichedArticle.EntityMention("Ana Ruiz", 2)), List.of(),
                List.of(new EnrichedArticle.EntityMention("Madrid", 1)), List.of("key phrase"),
                List.of(new EnrichedArticle.SubjectCode("11000000", "politics", 100)), "One.",
                RECEIVED.minusSeconds(60), null, new EnrichedArticle.Fingerprints("abc123", "def456", "0011223344556677"),
                new EnrichedArticle.Provenance("newsflow-enrich/dev", 2, 1, RECEIVED, RECEIVED.plusMillis(5)));
        assertThat(roundTrip(article, EnrichedArticle.class)).isEqualTo(article);
    }

    @Test
    void roundTripsNinjsDocumentAndLeavesEmptyListsOut() {
        NinjsDocument document = new NinjsDocument("urn:newsflow:article:a1", "1", "text", "usable", "en",
                List.of(new NinjsDocument.Headline("main", "text/plain", "Headline")),
                List.of(new NinjsDocument.Body("main", "text/plain", "Body.", 1, 5)),
                "2026-11-24T10:15:30.123Z", "2026-11-24T10:15:31Z", List.of(), List.of(),
                List.of(new NinjsDocument.Entity("Riyadh", null, null)), List.of(), null, null, null, null,
                List.of(), List.of());
        JsonSerde<NinjsDocument> serde = JsonSerde.of(NinjsDocument.class);
        String json = new String(serde.serialize("t", document), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("people").doesNotContain("organisations").doesNotContain("subjects")
                .contains("\"places\":[{\"name\":\"Riyadh\"}]").doesNotContain("mainHeadline");
        assertThat(serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(
                new NinjsDocument(document.uri(), "1", "text", "usable", "en", document.headlines(),
                        document.bodies(), document.firstcreated(), document.versioncreated(), null, null,
                        document.places(), null, null, null, null, null, null, null));
    }

    @Test
    void writesInstantsAsIsoText() {
        RawArticle raw = new RawArticle("a1", "s", RECEIVED, ContentTypes.TEXT, "x");
        String json = new String(JsonSerde.of(RawArticle.class).serialize("t", raw), StandardCharsets.UTF_8);
        assertThat(json).contains("\"receivedAt\":\"2026-11-24T10:15:30.123Z\"");
    }

    @Test
    void mapsNullToNullBothWays() {
        JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }

    @Test
    void wrapsUnreadableBytesInSerializationExceptionNamingTopicAndType() {
        JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);
        assertThatThrownBy(() -> serde.deserialize("news.raw", "{\"id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.raw").hasMessageContaining("RawArticle");
    }

    @Test
    void rejectsValidJsonOfTheWrongShape() {
        JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);
        assertThatThrownBy(() -> serde.deserialize("news.raw", "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize("news.raw", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("source");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> JsonSerde.of(Object.class).deserialize("t", deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("nesting");
    }

    @Test
    void refusesObjectsNested2000DeepUnderAFieldNoReaderKnowsNamingTheDepthLimit() {
        String deep = "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
        assertThatThrownBy(() -> JsonSerde.of(RawArticle.class).deserialize("news.raw",
                deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("nesting depth (" + (Json.MAX_NESTING_DEPTH + 1) + ") exceeds the maximum allowed ("
                        + Json.MAX_NESTING_DEPTH);
    }

    @Test
    void refusesAValueOverTheRecordLimitWithoutParsingItNamingTheLimit() {
        byte[] tooLarge = new byte[KafkaSettings.MAX_RECORD_BYTES + 1]; // zeros: not JSON, and never parsed
        assertThatThrownBy(() -> JsonSerde.of(RawArticle.class).deserialize("news.raw", tooLarge))
                .isInstanceOf(SerializationException.class)
                .hasMessage("value on topic news.raw is 16777217 bytes, over the 16777216-byte limit of newsflow "
                        + "records; not read as RawArticle");
    }

    @Test
    void readsAValueOfExactlyTheRecordLimit() {
        String start = "{\"id\":\"a1\",\"source\":\"s\",\"receivedAt\":\"2026-11-24T10:15:30Z\","
                + "\"contentType\":\"text/plain\",\"payload\":\"";
        String payload = "x".repeat(KafkaSettings.MAX_RECORD_BYTES - start.length() - 2);
        byte[] json = (start + payload + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(json).hasSize(KafkaSettings.MAX_RECORD_BYTES);
        assertThat(JsonSerde.of(RawArticle.class).deserialize("news.raw", json).payload()).hasSize(payload.length());
    }

    private static <T> T roundTrip(T value, Class<T> type) {
        JsonSerde<T> serde = JsonSerde.of(type);
        return serde.deserialize("topic", serde.serialize("topic", value));
    }
}
