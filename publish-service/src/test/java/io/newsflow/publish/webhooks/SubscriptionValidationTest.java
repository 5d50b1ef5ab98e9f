package io.newsflow.publish.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.Entity;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionValidationTest {

    @Test
    void acceptsUrlSecretAndFilter() throws Exception {
        var request = SubscriptionValidation.request(json("""
                {"url": "https://hooks.example.com/newsflow?team=7", "secret": "0123456789abcdef",
                 "filter": {"subject": "politics", "organisation": "UN"}}"""));
        assertThat(request.url()).isEqualTo("https://hooks.example.com/newsflow?team=7");
        assertThat(request.secret()).isEqualTo("0123456789abcdef");
        assertThat(request.filter()).isEqualTo(new SubscriptionFilter(null, "politics", null, "UN", null));
    }

    @Test
    void namesTheBadField() {
        assertThatThrownBy(() -> SubscriptionValidation.request(json("{\"secret\":\"0123456789abcdef\"}")))
                .isInstanceOfSatisfying(SubscriptionValidation.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("url"));
        assertThatThrownBy(() -> SubscriptionValidation.request(json(
                "{\"url\":\"http://user:pw@x/\",\"secret\":\"0123456789abcdef\"}")))
                .hasMessageStartingWith("field 'url' must not contain credentials");
        assertThatThrownBy(() -> SubscriptionValidation.request(json(
                "{\"url\":\"http://x/\",\"secret\":\"0123456789abcdef\",\"id\":\"mine\"}")))
                .hasMessageStartingWith("field 'id' is not known");
        assertThatThrownBy(() -> SubscriptionValidation.request(json(
                "{\"url\":\"http://x/\",\"secret\":\"0123456789abcdef\",\"filter\":{\"language\":7}}")))
                .hasMessageStartingWith("field 'filter.language' must be a non-empty string");
        assertThatThrownBy(() -> SubscriptionValidation.request(json("[]")))
                .hasMessage("field '(body)' must be a JSON object");
    }

    @Test
    void aFilterMatchesWhenEveryGivenPropertyMatchesExactly() {
        NinjsDocument article = new NinjsDocument("urn:newsflow:article:a", "1", "text", "usable", "en", List.of(),
                List.of(), "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z", List.of(new Entity("Ada Lovelace", null,
                null)), List.of(new Entity("UN", null, null)), List.of(new Entity("Kyiv", null, null)),
                List.of(new Subject("politics", "http://cv.iptc.org/newscodes/mediatopic/11000000", "about", 80)),
                null, null, null, null, null, null);
        assertThat(SubscriptionFilter.NONE.matches(article)).isTrue();
        assertThat(new SubscriptionFilter("en", "politics", "Ada Lovelace", "UN", "Kyiv").matches(article)).isTrue();
        assertThat(new SubscriptionFilter(null, "http://cv.iptc.org/newscodes/mediatopic/11000000", null, null, null)
                .matches(article)).isTrue();
        assertThat(new SubscriptionFilter("fr", null, null, null, null).matches(article)).isFalse();
        assertThat(new SubscriptionFilter("en", null, null, null, "kyiv").matches(article)).isFalse();
        assertThat(new SubscriptionFilter(null, null, "Ada", null, null).matches(article)).isFalse();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
