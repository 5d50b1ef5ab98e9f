package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Json;
import io.newsflow.contract.Outcome;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.ingest.InboundMessage;
import io.newsflow.ingest.InboundNormalizer;
import io.newsflow.ingest.IngestConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The corpus as built into target/classes by the resources plugin (the seed and enrich-service's test corpus). */
class BenchCorpusTest {

    private final BenchCorpus corpus = BenchCorpus.load();

    @Test
    void holdsTheSeedAndTheThirtyArticlesOfTheEnrichmentCorpus() {
        assertThat(corpus.size()).isEqualTo(31);
        assertThat(corpus.meanBytes()).isBetween(1_000.0, 4_000.0);
    }

    @Test
    void cyclesTheCorpusGivingEachCopyItsIdAndMark() {
        BenchArticle first = corpus.article(0);
        BenchArticle again = corpus.article(31);
        assertThat(first.id()).isEqualTo("bench-0");
        assertThat(again.id()).isEqualTo("bench-31");
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(text(first)).contains(" (copy 0)").doesNotContain("(copy 31)");
        assertThat(text(again)).isEqualTo(text(first).replace(" (copy 0)", " (copy 31)"));
    }

    @Test
    void marksJsonEnvelopesInsideTheirBodyAndKeepsThemValidJson() throws Exception {
        for (long n = 0; n < corpus.size(); n++) {
            BenchArticle article = corpus.article(n);
            if (article.contentType().equals(ContentTypes.JSON)) {
                assertThat(Json.mapper().readTree(article.value()).path("body").asText()).contains("(copy " + n + ")");
            }
        }
    }

    /** Publish dead-letters a body it already published under another id: no two copies may share one. */
    @Test
    void noTwoCopiesHaveTheSameEnrichedBody() {
        InboundNormalizer normalizer = new InboundNormalizer(IngestConfig.DEFAULT_MAX_BYTES);
        ArticleEnricher enricher = ArticleEnricher.standard();
        Set<String> bodies = new HashSet<>();
        for (long n = 0; n < 2L * corpus.size(); n++) {
            BenchArticle article = corpus.article(n);
            Outcome<EnrichedArticle> outcome = normalizer.normalize(new InboundMessage(article.id(), article.value(),
                    article.contentType(), "bench", null, "bench/" + n, Instant.parse("2026-11-24T10:00:00Z")))
                    .flatMap(enricher::enrich);
            assertThat(outcome).as(article.id()).isInstanceOf(Outcome.Accepted.class);
            EnrichedArticle enriched = ((Outcome.Accepted<EnrichedArticle>) outcome).value();
            assertThat(bodies.add(enriched.fingerprints().bodySha256())).as(article.id() + " repeats a body").isTrue();
        }
    }

    private static String text(BenchArticle article) {
        return new String(article.value(), StandardCharsets.UTF_8);
    }
}
