package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Rejection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");
    private final ArticleEnricher enricher = new ArticleEnricher();

    @Test
    void enrichesTheSeedWithCountsAndHash() {
        EnrichedArticle article = accepted(raw(ContentTypes.TEXT, Seed.text()));
        assertThat(article.id()).isEqualTo("s1");
        assertThat(article.headline()).isEqualTo(Seed.HEADLINE);
        assertThat(article.body()).startsWith(Seed.BODY_START).doesNotContain("[ad_");
        // 425 whitespace-separated tokens (wc -w on the two body lines) less the two standalone em dashes.
        assertThat(article.wordCount()).isEqualTo(423);
        assertThat(article.charCount()).isEqualTo(2611);
        assertThat(article.contentHash()).isEqualTo(ArticleIds.sha256Hex(Seed.HEADLINE + "\n\n" + article.body()));
        assertThat(article.language()).isEqualTo("und");
    }

    @Test
    void givesTheSameHashForTheSameContentOnly() {
        String first = accepted(raw(ContentTypes.TEXT, "Title\nBody.")).contentHash();
        assertThat(accepted(raw(ContentTypes.TEXT, "[ad_1]\nTitle\nBody.\n")).contentHash()).isEqualTo(first);
        assertThat(accepted(raw(ContentTypes.TEXT, "Title\nBody!")).contentHash()).isNotEqualTo(first);
    }

    @Test
    void readsTheJsonEnvelopeTitleAndHtmlBody() {
        EnrichedArticle article = accepted(raw(ContentTypes.JSON,
                "{\"title\":\"Envelope title\",\"body\":\"<p>One.</p><p>Two words.</p>\"}"));
        assertThat(article.headline()).isEqualTo("Envelope title");
        assertThat(article.paragraphs()).isEqualTo(List.of("One.", "Two words."));
        assertThat(article.wordCount()).isEqualTo(3);
    }

    @Test
    void readsTheJsonEnvelopeTextBodyEntirelyAsBody() {
        EnrichedArticle article = accepted(raw(ContentTypes.JSON, "{\"title\":\"T\",\"body\":\"First.\\nSecond.\"}"));
        assertThat(article.paragraphs()).isEqualTo(List.of("First.", "Second."));
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

    private static RawArticle raw(String contentType, String payload) {
        return new RawArticle("s1", "test", RECEIVED, contentType, payload);
    }

    private EnrichedArticle accepted(RawArticle raw) {
        Outcome<EnrichedArticle> outcome = enricher.enrich(raw);
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<EnrichedArticle>) outcome).value();
    }
}
