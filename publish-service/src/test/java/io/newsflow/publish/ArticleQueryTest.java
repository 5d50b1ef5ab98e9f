package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.Body;
import io.newsflow.contract.ninjs.NinjsDocument.Description;
import io.newsflow.contract.ninjs.NinjsDocument.Entity;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleQueryTest {

    private static final NinjsDocument RIYADH = new NinjsDocument("urn:newsflow:article:riyadh", "1", "text",
            "usable", "en-GB", List.of(new Headline("main", "text/plain", "Russia reset")),
            List.of(new Body("main", "text/plain", "Talks in Riyadh.", 3, 16)),
            "2026-11-24T09:00:00Z", "2026-11-24T09:00:05Z",
            List.of(new Entity("Marco Rubio", null, null)), List.of(new Entity("NATO", null, null)),
            List.of(new Entity("Riyadh", null, null)),
            List.of(new Subject("politics", "http://cv.iptc.org/newscodes/mediatopic/11000000", "about", 90),
                    new Subject("diplomatic interaction", null, "keyword", null)),
            null, null, null, null, List.of(new Description("summary", "text/plain", "A first meeting.")), null);

    @Test
    void leavesARetractedArticleOutOfEveryList() {
        assertThat(ArticleQuery.all().matches(RIYADH)).isTrue();
        assertThat(ArticleQuery.all().matches(RIYADH.withPubstatus("canceled"))).isFalse();
        assertThat(ArticleQuery.all().select(List.of(RIYADH.withPubstatus("canceled"))).documents()).isEmpty();
    }

    @Test
    void withoutParametersAsksForTheFirstFiftyOfEverything() {
        assertThat(ArticleQuery.parse(Map.of())).isEqualTo(ArticleQuery.all());
        assertThat(ArticleQuery.all().limit()).isEqualTo(50);
        assertThat(ArticleQuery.all().queryString()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "limit=0|limit must be a whole number from 1 to 500, got '0'",
            "limit=501|limit must be a whole number from 1 to 500, got '501'",
            "limit=ten|limit must be a whole number from 1 to 500, got 'ten'",
            "limit=|limit must be a whole number from 1 to 500, got ''",
            "language=english!|language must be a language code such as 'en' or 'pt-BR', got 'english!'",
            "q=  |q must not be empty: leave it out to match every article",
            "subject=a&subject=b|give subject once, got it 2 times",
            "cursor=bm90IG91cnM|cursor 'bm90IG91cnM' is not one this API gave out: take it from a next link, or "
                    + "leave it out for the first page",
            "cursor=%%%|cursor '%%%' is not one this API gave out: take it from a next link, or leave it out for "
                    + "the first page"})
    void rejectsABadValueSayingWhatToChange(String query, String detail) {
        assertThatThrownBy(() -> ArticleQuery.parse(params(query))).isInstanceOf(BadRequest.class)
                .hasMessage(detail);
    }

    @Test
    void rejectsAnOverlongFilter() {
        assertThatThrownBy(() -> ArticleQuery.parse(Map.of("q", List.of("x".repeat(201)))))
                .hasMessage("q must be at most 200 characters, got 201");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "language=en|true", "language=EN-gb|true", "language=de|false",
            "subject=Politics|true", "subject=11000000|true", "subject=medtop:11000000|true",
            "subject=http://cv.iptc.org/newscodes/mediatopic/11000000|true", "subject=Diplomatic Interaction|true",
            "subject=1100000|false", "subject=diplomatic|false", "subject=economy|false",
            "person=marco rubio|true", "person=Rubio|false",
            "organisation=nato|true", "organisation=UN|false",
            "place=RIYADH|true", "place=Riyad|false",
            "q=riyadh|true", "q=RUSSIA RESET|true", "q=first meeting|true", "q=moscow|false",
            "language=en&place=riyadh&q=talks|true", "language=en&place=moscow|false"})
    void filtersByLanguageSubjectEntitiesAndText(String query, boolean matches) {
        assertThat(ArticleQuery.parse(params(query)).matches(RIYADH)).isEqualTo(matches);
    }

    @Test
    void pagesNewestFirstSoEachArticleIsSeenOnceWhileNewOnesArrive() {
        List<NinjsDocument> documents = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            documents.add(document("a" + i, "2026-11-24T09:00:0" + i + "Z"));
        }
        documents.add(document("tie", "2026-11-24T09:00:03Z"));
        documents.add(document("millis", "2026-11-24T09:00:03.500Z"));
        ArticleQuery query = ArticleQuery.parse(params("limit=3"));

        List<String> seen = new ArrayList<>();
        ArticlePage page = query.select(documents);
        seen.addAll(uris(page));
        documents.add(document("newer", "2026-11-24T10:00:00Z")); // published while the reader pages
        while (page.next().isPresent()) {
            String next = query.startingAfter(page.next().get()).queryString();
            page = ArticleQuery.parse(params(next)).select(documents);
            seen.addAll(uris(page));
        }

        assertThat(seen).containsExactly("a6", "a5", "a4", "millis", "a3", "tie", "a2", "a1", "a0");
    }

    @Test
    void theLastFullPageHasNoNext() {
        List<NinjsDocument> documents = List.of(document("a", "2026-11-24T09:00:00Z"),
                document("b", "2026-11-24T09:00:01Z"));
        assertThat(ArticleQuery.parse(params("limit=2")).select(documents).next()).isEmpty();
        assertThat(ArticleQuery.parse(params("limit=1")).select(documents).next()).isPresent();
    }

    @Test
    void writesTheSameQueryBackAsOneCanonicalQueryString() {
        ArticleQuery query = ArticleQuery.parse(params("q=war+%26+peace&limit=10&language=de&utm_source=x"));
        assertThat(query.queryString()).isEqualTo("language=de&q=war+%26+peace&limit=10");
        assertThat(ArticleQuery.parse(params(query.queryString()))).isEqualTo(query);
    }

    private static NinjsDocument document(String id, String versionCreated) {
        return NinjsDocument.basic("urn:newsflow:article:" + id, "1", "en",
                List.of(new Headline("main", "text/plain", "Headline " + id)), List.of(), versionCreated,
                versionCreated);
    }

    private static List<String> uris(ArticlePage page) {
        return page.documents().stream().map(d -> d.uri().substring("urn:newsflow:article:".length())).toList();
    }

    /** A query string as Javalin's queryParamMap() gives it. */
    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Arrays.stream(query.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        });
        return params;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value; // as a server passes on what it could not decode
        }
    }
}
