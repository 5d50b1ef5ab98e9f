package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.EnrichedArticle.Fingerprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private static final Stopwords STOPWORDS = new Stopwords();
    private final Fingerprinter fingerprinter = new Fingerprinter();

    /** The body's words as the enricher finds them (one sentence is enough: fingerprints ignore sentence breaks). */
    private Fingerprints fingerprint(String headline, String body) {
        return fingerprinter.of(headline, body, AnalyzedText.of(headline, List.of(body), "en", STOPWORDS).sentences);
    }

    @Test
    void givesExactDuplicatesTheSameBodyHashWhateverTheSpacingOrCase() {
        Fingerprints a = fingerprint("Headline", Seed.text());
        Fingerprints b = fingerprint("Another headline", Seed.text().toUpperCase().replace(" ", "  "));
        assertThat(a.bodySha256()).isEqualTo(b.bodySha256());
        assertThat(a.contentHash()).isNotEqualTo(b.contentHash());
        assertThat(a.simHash()).hasSize(16);
    }

    @Test
    void keepsNearDuplicatesFewBitsApartAndDifferentTextsMany() {
        String original = Seed.text();
        String edited = original.replace("biting sanctions", "tough sanctions").replace("2022", "2021");
        String other = "Heavy rain flooded the river valley on Tuesday, and rescue teams evacuated hundreds of "
                + "residents from villages along the banks while forecasters warned of more storms this week.";
        String a = fingerprint("h", original).simHash();
        assertThat(Fingerprinter.distance(a, fingerprint("h", edited).simHash())).isLessThanOrEqualTo(8);
        assertThat(Fingerprinter.distance(a, fingerprint("h", other).simHash())).isGreaterThan(16);
    }
}
