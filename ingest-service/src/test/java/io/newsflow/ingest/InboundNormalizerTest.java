package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboundNormalizerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final InboundNormalizer normalizer = new InboundNormalizer(1024);

    @Test
    void acceptsPlainTextKeepingItAsSentButForLineEndingsAndBom() {
        RawArticle raw = accepted(message("story-1", "\uFEFF[ad_1]\r\nBody.\r\n[ad_2]\r\nTitle", null));
        assertThat(raw).isEqualTo(new RawArticle("story-1", "test", NOW, ContentTypes.TEXT,
                "[ad_1]\nBody.\n[ad_2]\nTitle"));
    }

    @Test
    void recognizesJsonAndHtmlWithoutADeclaredType() {
        assertThat(accepted(message("a", "{\"title\":\"T\",\"body\":\"B\"}", null)).contentType())
                .isEqualTo(ContentTypes.JSON);
        assertThat(accepted(message("a", "  <p>Hello</p>", null)).contentType()).isEqualTo(ContentTypes.HTML);
        assertThat(accepted(message("a", "[ad_1]<br><div><p>x</p></div>", null)).contentType())
                .isEqualTo(ContentTypes.HTML);
        assertThat(accepted(message("a", "Hello", "text/html; charset=utf-8"))
                .contentType()).isEqualTo(ContentTypes.HTML);
    }

    @Test
    void rejectsInvalidUtf8InsteadOfReplacingIt() {
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rejection(new InboundMessage("a", latin1, null, "test", null, "o", NOW)))
                .isEqualTo(new Rejection("invalid-utf8",
                        "the article is not valid UTF-8 (bad byte near offset 3); send UTF-8 text"));
    }

    @Test
    void rejectsEmptyAndWhitespaceOnlyArticles() {
        assertThat(rejection(message("a", " \n\t \r\n", null)).error()).isEqualTo("empty-body");
        assertThat(rejection(message("a", "", null)).error()).isEqualTo("empty-body");
    }

    @Test
    void rejectsANullValue() {
        assertThat(rejection(new InboundMessage("a", null, null, "test", null, "o", NOW)).error())
                .isEqualTo("null-value");
    }

    @Test
    void rejectsArticlesOverTheSizeLimitNamingBoth() {
        assertThat(rejection(message("a", "x".repeat(1025), null)))
                .isEqualTo(new Rejection("too-large", "the article is 1025 bytes; the limit is 1024 bytes"));
    }

    @Test
    void rejectsUnsupportedMediaTypesListingTheAcceptedOnes() {
        assertThat(rejection(message("a", "x", "application/pdf")))
                .isEqualTo(new Rejection("unsupported-media-type", "content type 'application/pdf' is not accepted;"
                        + " send one of text/plain, text/html, application/json"));
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        Rejection rejection = rejection(message("a", "{\"title\": \"T\",\n \"body\": }", ContentTypes.JSON));
        assertThat(rejection.error()).isEqualTo("malformed-json");
        assertThat(rejection.reason()).contains("line 2");
    }

    @Test
    void rejectsAJsonEnvelopeWithoutBodyNamingTheField() {
        assertThat(rejection(message("a", "{\"title\":\"T\"}", null)))
                .isEqualTo(new Rejection("missing-field", "field 'body' is required: the article's text or HTML"));
        assertThat(rejection(message("a", "[1]", ContentTypes.JSON)).error()).isEqualTo("invalid-envelope");
    }

    @Test
    void takesTheSendersIdThenDerivesOneFromTheIdempotencyKeyThenFromTheOrigin() {
        String withId = "{\"id\":\"story-1\",\"idempotencyKey\":\"env-key\",\"body\":\"B\"}";
        String withKey = "{\"idempotencyKey\":\"env-key\",\"body\":\"B\"}";
        assertThat(accepted(message("key", withId, null)).id()).isEqualTo("story-1");
        assertThat(accepted(message("key", withKey, null)).id()).isEqualTo("key");
        assertThat(accepted(message(null, withKey, null)).id())
                .isEqualTo(ArticleIds.derive("test", "idempotency-key", "env-key"));
        RawArticle headerKey = accepted(new InboundMessage(null, withKey.getBytes(StandardCharsets.UTF_8), null, "s",
                "hdr-key", "o", NOW));
        assertThat(headerKey.id()).isEqualTo(ArticleIds.derive("s", "idempotency-key", "hdr-key"));
        assertThat(headerKey.idempotencyKey()).isEqualTo("hdr-key");
        assertThat(accepted(message("key", "text", null)).id()).isEqualTo("key");
        assertThat(accepted(message(null, "text", null)).id()).isEqualTo(ArticleIds.derive("origin"));
    }

    @Test
    void namesTheEnvelopeFieldThatIsWrong() {
        assertThat(rejection(message("a", "{\"body\":\"B\",\"publishedAt\":\"yesterday\"}", null)).reason())
                .startsWith("field 'publishedAt' must be an ISO-8601 date-time");
        assertThat(rejection(message("a", "{\"body\":\"B\",\"url\":\"not a url\"}", null)).reason())
                .startsWith("field 'url' must be an absolute http or https URL");
        assertThat(rejection(message("a", "{\"body\":\"B\",\"title\":42}", null)).reason())
                .isEqualTo("field 'title' must be a string, got number");
        assertThat(rejection(message("a", "{\"body\":\"B\",\"language\":\"English\"}", null)).reason())
                .startsWith("field 'language' must be an ISO 639-1 code");
        assertThat(rejection(message("a", "{\"body\":\"  \"}", null)))
                .isEqualTo(new Rejection("invalid-field", "field 'body' must be a non-empty string"));
    }

    @Test
    void keepsUnknownEnvelopeFieldsInThePayloadAsSent() {
        String json = "{\"body\":\"B\",\"desk\":\"sport\",\"priority\":{\"level\":2}}";
        assertThat(accepted(message("a", json, null)).payload()).isEqualTo(json);
    }

    @Test
    void refusesJsonNestedDeeperThan32Levels() {
        String deep = "{\"body\":\"B\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThat(rejection(message("a", deep, null)).error()).isEqualTo("malformed-json");
        assertThat(rejection(message("a", deep, null)).reason()).contains("nesting depth");
    }

    @Test
    void derivesAValidIdFromAKeyThatIsNotOne() {
        String id = accepted(message("https://example.com/story/1", "text", null)).id();
        assertThat(id).isEqualTo(ArticleIds.derive("test", "https://example.com/story/1"));
        assertThat(ArticleIds.isValid(id)).isTrue();
    }

    private static InboundMessage message(String key, String value, String contentType) {
        return new InboundMessage(key, value.getBytes(StandardCharsets.UTF_8), contentType, "test", null, "origin", NOW);
    }

    private RawArticle accepted(InboundMessage message) {
        Outcome<RawArticle> outcome = normalizer.normalize(message);
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<RawArticle>) outcome).value();
    }

    private Rejection rejection(InboundMessage message) {
        Outcome<RawArticle> outcome = normalizer.normalize(message);
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<RawArticle>) outcome).rejection();
    }
}
