package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.EntityMention;
import io.newsflow.contract.EnrichedArticle.SubjectCode;
import io.newsflow.contract.Json;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");
    private final ArticleEnricher enricher = TestEnricher.INSTANCE;

    @Test
    void enrichesTheSeedWithCountsHashAndProvenance() {
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, Seed.text()));
        assertThat(article.id()).isEqualTo("s1");
        assertThat(article.headline()).isEqualTo(Seed.HEADLINE);
        assertThat(article.body()).startsWith(Seed.BODY_START).doesNotContain("[ad_");
        // 425 whitespace-separated tokens (wc -w on the two body lines) less the two standalone em dashes.
        assertThat(article.wordCount()).isEqualTo(423);
        assertThat(article.charCount()).isEqualTo(2611);
        assertThat(article.readingTimeMinutes()).isEqualTo(2);
        assertThat(article.contentHash()).isEqualTo(ArticleIds.sha256Hex(Seed.HEADLINE + "\n\n" + article.body()));
        assertThat(article.provenance().adMarkersRemoved()).isEqualTo(2);
        assertThat(article.provenance().enrichedAt()).isEqualTo(TestEnricher.NOW);
        assertThat(article.provenance().receivedAt()).isEqualTo(RECEIVED);
        assertThat(article.lede()).isEqualTo("The talks between U.S. and Russian officials in Riyadh, their first major "
                + "diplomatic interaction since Russia’s invasion of Ukraine in 2022, marks the beginning of a reset in "
                + "ties between the two former Cold War adversaries.");
    }

    @Test
    void detectsTheSeedAsEnglish() {
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, Seed.text()));
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.languageConfidence()).isGreaterThan(0.9);
    }

    @Test
    void findsTheSeedsPeoplePlacesAndOrganisations() {
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, Seed.text()));
        assertThat(article.people()).extracting(EntityMention::name).contains("Marco Rubio", "Sergei Lavrov",
                "Donald Trump", "Vladimir Putin", "Pete Hegseth", "Henry Kissinger");
        assertThat(article.places()).extracting(EntityMention::name).contains("Riyadh", "Ukraine", "Russia", "China",
                "Europe");
        assertThat(article.organisations()).extracting(EntityMention::name).contains("NATO");
        // "Mr. Trump" and "Trump" are mentions of Donald Trump (grep -o Trump seeds/*.txt: 7), not other people.
        assertThat(article.people()).extracting(EntityMention::name).doesNotContain("Trump");
        assertThat(article.people().get(0)).isEqualTo(new EntityMention("Donald Trump", 7));
    }

    @Test
    void classifiesTheSeedAsPoliticsAndConflict() {
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, Seed.text()));
        assertThat(article.subjects()).extracting(SubjectCode::code).contains("11000000", "16000000");
        assertThat(article.subjects().get(0).relevance()).isEqualTo(100);
        assertThat(article.subjects().get(0).uri()).startsWith("http://cv.iptc.org/newscodes/mediatopic/");
    }

    @Test
    void summarizesInOneToThreeSentencesOfTheBody() {
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, Seed.text()));
        assertThat(article.summary()).isNotBlank();
        List<String> sentences = Sentences.split(article.summary(), java.util.Locale.ENGLISH);
        assertThat(sentences).hasSizeBetween(1, 3);
        sentences.forEach(sentence -> assertThat(article.body()).contains(sentence));
        assertThat(article.keywords()).hasSizeBetween(3, 10);
    }

    @Test
    void givesTheSameHashForTheSameContentOnly() {
        String first = accepted(raw(ContentTypes.TEXT, "Title\nBody.")).contentHash();
        assertThat(accepted(raw(ContentTypes.TEXT, "[ad_1]\nTitle\nBody.\n")).contentHash()).isEqualTo(first);
        assertThat(accepted(raw(ContentTypes.TEXT, "Title\nBody!")).contentHash()).isNotEqualTo(first);
    }

    @Test
    void readsTheJsonEnvelopeAndItsMetadata() {
        EnrichedArticle article = accepted(raw(ContentTypes.JSON, "{\"title\":\"Envelope title\","
                + "\"body\":\"<p>One.</p><p>Two words.</p>\",\"url\":\"https://example.com/a\",\"author\":\"Ana Ruiz\","
                + "\"publishedAt\":\"2026-11-23T10:00:00Z\",\"embargoedUntil\":\"2026-11-25T06:00:00+01:00\"}"));
        assertThat(article.headline()).isEqualTo("Envelope title");
        assertThat(article.paragraphs()).isEqualTo(List.of("One.", "Two words."));
        assertThat(article.sourceUrl()).isEqualTo("https://example.com/a");
        assertThat(article.byline()).isEqualTo("Ana Ruiz");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(article.embargoedUntil()).isEqualTo(Instant.parse("2026-11-25T05:00:00Z"));
    }

    @Test
    void readsTheJsonEnvelopeTextBodyEntirelyAsBody() {
        EnrichedArticle article = accepted(raw(ContentTypes.JSON, "{\"title\":\"T\",\"body\":\"First.\\nSecond.\"}"));
        assertThat(article.paragraphs()).isEqualTo(List.of("First.", "Second."));
    }

    /** Every field newsflow knows, plus two it does not: a text and an object. */
    private static final String ENVELOPE_WITH_EXTRA = "{\"id\":\"e1\",\"title\":\"T\",\"desk\":\"sport\","
            + "\"body\":\"First.\",\"url\":\"https://example.com/a\",\"author\":\"Ana Ruiz\","
            + "\"publishedAt\":\"2026-11-23T10:00:00Z\",\"language\":\"en\",\"source\":\"wire\","
            + "\"embargoedUntil\":\"2026-11-25T06:00:00Z\",\"idempotencyKey\":\"k1\",\"pubstatus\":\"usable\","
            + "\"priority\":{\"level\":2}}";

    @Test
    void keepsUnknownEnvelopeFieldsAsExtraInTheirOrder() throws JsonProcessingException {
        EnrichedArticle article = accepted(raw(ContentTypes.JSON, ENVELOPE_WITH_EXTRA));
        // Compared as JSON: exactly these two entries, nested object included; no known field among them.
        assertThat(Json.mapper().<JsonNode>valueToTree(article.extra()))
                .isEqualTo(Json.mapper().readTree("{\"desk\":\"sport\",\"priority\":{\"level\":2}}"));
        assertThat(article.extra().keySet()).containsExactly("desk", "priority");
        assertThat(article.extra()).doesNotContainKeys("id", "title", "body", "url", "author", "publishedAt",
                "language", "source", "embargoedUntil", "idempotencyKey", "pubstatus");
    }

    @Test
    void hasNoExtraForTextHtmlOrAnEnvelopeWithKnownFieldsOnly() {
        assertThat(accepted(raw(ContentTypes.TEXT, Seed.text())).extra()).isEmpty();
        assertThat(accepted(raw(ContentTypes.HTML, "<h1>T</h1><p>One.</p>")).extra()).isEmpty();
        assertThat(accepted(raw(ContentTypes.JSON, "{\"title\":\"T\",\"body\":\"First.\"}")).extra()).isEmpty();
    }

    @Test
    void carriesExtraOnTheEnrichedTopicAsSent() throws IOException {
        JsonSerde<EnrichedArticle> serde = JsonSerde.of(EnrichedArticle.class);
        EnrichedArticle article = accepted(raw(ContentTypes.JSON, ENVELOPE_WITH_EXTRA));
        byte[] json = serde.serialize("t", article);
        assertThat(Json.mapper().readTree(json).get("extra"))
                .isEqualTo(Json.mapper().readTree("{\"desk\":\"sport\",\"priority\":{\"level\":2}}"));
        assertThat(serde.deserialize("t", json)).isEqualTo(article);

        // None is written as {} and an older record without the field reads as none.
        EnrichedArticle text = accepted(raw(ContentTypes.TEXT, "Title\nBody."));
        byte[] textJson = serde.serialize("t", text);
        assertThat(new String(textJson, StandardCharsets.UTF_8)).contains("\"extra\":{}");
        ObjectNode older = (ObjectNode) Json.mapper().readTree(textJson);
        older.remove("extra");
        assertThat(serde.deserialize("t", Json.mapper().writeValueAsBytes(older))).isEqualTo(text);
    }

    @Test
    void takesBylineOutOfTheBodyAndReadsTheDateline() {
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, "Floods hit the north\n\nBy Maria Keller\n\n"
                + "BERLIN (dpa) — Heavy rain flooded roads on Tuesday. Rescue teams worked through the night.\n\n"
                + "More rain is expected."));
        assertThat(article.byline()).isEqualTo("Maria Keller");
        assertThat(article.dateline()).isEqualTo("BERLIN (dpa)");
        assertThat(article.paragraphs()).hasSize(2);
        assertThat(article.paragraphs().get(0)).startsWith("BERLIN (dpa) — Heavy rain");
    }

    @Test
    void makesAHeadlineFromTheFirstWordsWhenThereIsNone() {
        String body = "A single long paragraph without any headline that goes on and on past eighty characters in all.";
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, body));
        assertThat(article.headline())
                .isEqualTo("A single long paragraph without any headline that goes on and on past eighty…");
    }

    @Test
    void rejectsAnArticleWithNothingLeftAfterCleaning() {
        assertThat(enricher.enrich(raw(ContentTypes.TEXT, "[ad_1]\n[ad_2]"))).isEqualTo(new Outcome.Rejected<>(
                new Rejection("no-article-text", "nothing is left of the article once ad markers and markup are removed")));
    }

    @Test
    void rejectsBinaryContent() {
        String binary = "PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000\u0000\u0000!\u0000bin";
        assertThat(enricher.enrich(raw(ContentTypes.TEXT, binary))).isEqualTo(new Outcome.Rejected<>(
                new Rejection("binary-content", "the article is not text: it is full of control characters")));
    }

    private static RawArticle raw(String contentType, String payload) {
        return new RawArticle("s1", "test", RECEIVED, contentType, payload);
    }

    private EnrichedArticle accepted(RawArticle raw) {
        Outcome<EnrichedArticle> outcome = enricher.enrich(raw);
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<EnrichedArticle>) outcome).value();
    }
}
