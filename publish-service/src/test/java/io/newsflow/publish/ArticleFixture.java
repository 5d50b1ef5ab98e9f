package io.newsflow.publish;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.EntityMention;
import io.newsflow.contract.EnrichedArticle.Fingerprints;
import io.newsflow.contract.EnrichedArticle.SubjectCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Enriched articles as enrich would write them, with just the fields a test cares about. */
final class ArticleFixture {

    private final String id;
    private String headline = "Headline";
    private String summary;
    private String body = "Body text.";
    private String language = "en";
    private String sourceUrl;
    private String byline;
    private List<String> people = List.of();
    private List<String> organisations = List.of();
    private List<String> places = List.of();
    private List<String> keywords = List.of();
    private List<SubjectCode> subjects = List.of();

    private ArticleFixture(String id) {
        this.id = id;
    }

    static ArticleFixture article(String id) {
        return new ArticleFixture(id);
    }

    ArticleFixture headline(String value) {
        headline = value;
        return this;
    }

    ArticleFixture summary(String value) {
        summary = value;
        return this;
    }

    ArticleFixture body(String value) {
        body = value;
        return this;
    }

    ArticleFixture language(String value) {
        language = value;
        return this;
    }

    ArticleFixture sourceUrl(String value) {
        sourceUrl = value;
        return this;
    }

    ArticleFixture byline(String value) {
        byline = value;
        return this;
    }

    ArticleFixture people(String... names) {
        people = List.of(names);
        return this;
    }

    ArticleFixture organisations(String... names) {
        organisations = List.of(names);
        return this;
    }

    ArticleFixture places(String... names) {
        places = List.of(names);
        return this;
    }

    ArticleFixture keywords(String... phrases) {
        keywords = List.of(phrases);
        return this;
    }

    ArticleFixture subject(String code, String name, int relevance) {
        subjects = java.util.stream.Stream.concat(subjects.stream(), java.util.stream.Stream.of(
                new SubjectCode(code, name, relevance))).toList();
        return this;
    }

    EnrichedArticle build() {
        List<String> paragraphs = List.of(body.split("\n\n", -1));
        return new EnrichedArticle(id, "test", Instant.now(), headline, paragraphs, paragraphs.get(0), byline, null,
                sourceUrl, List.of(), language, 0.99, body.split("\\s+").length, body.length(), 1,
                mentions(people), mentions(organisations), mentions(places), keywords, subjects, summary, null, null,
                new Fingerprints(sha256(headline + "\n" + body), null, null), null);
    }

    private static List<EntityMention> mentions(List<String> names) {
        return names.stream().map(name -> new EntityMention(name, 1)).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
