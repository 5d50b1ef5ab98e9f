package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.EnrichedArticle.Fingerprints;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    @Test
    void givesExactDuplicatesTheSameBodyHashWhateverTheSpacingOrCase() {
        Fingerprints a = fingerprinter.of("Headline", Seed.text());
        Fingerprints b = fingerprinter.of("Another headline", Seed.text().toUpperCase().replace(" ", "  "));
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
        String a = fingerprinter.of("h", original).simHash();
        assertThat(Fingerprinter.distance(a, fingerprinter.of("h", edited).simHash())).isLessThanOrEqualTo(8);
        assertThat(Fingerprinter.distance(a, fingerprinter.of("h", other).simHash())).isGreaterThan(16);
    }
}
