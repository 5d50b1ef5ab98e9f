package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.EntityMention;
import io.newsflow.contract.EnrichedArticle.Fingerprints;
import io.newsflow.contract.EnrichedArticle.Provenance;
import io.newsflow.contract.EnrichedArticle.SubjectCode;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.AltId;
import io.newsflow.contract.ninjs.NinjsDocument.Description;
import io.newsflow.contract.ninjs.NinjsDocument.Entity;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NinjsMapperTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void mapsEveryEnrichedFieldToItsNinjsProperty() {
        EnrichedArticle article = new EnrichedArticle("a1", "desk", RECEIVED, "Floods hit the north",
                List.of("BERLIN (dpa) — Heavy rain flooded roads.", "More rain is expected."),
                "BERLIN (dpa) — Heavy rain flooded roads.", "Maria Keller", "BERLIN (dpa)", "https://example.com/a1",
                List.of(), "en", 0.99, 9, 62, 1,
                List.of(new EntityMention("Maria Keller", 1)), List.of(new EntityMention("dpa", 1)),
                List.of(new EntityMention("Berlin", 2)), List.of("heavy rain", "roads"),
                List.of(new SubjectCode("17000000", "weather", 100), new SubjectCode("03000000",
                        "disaster, accident and emergency incident", 60)),
                "Heavy rain flooded roads.", Instant.parse("2026-11-24T08:00:00Z"), null,
                new Fingerprints("c0", "b0", "00ff00ff00ff00ff"),
                new Provenance("newsflow-enrich/dev", 0, 0, RECEIVED, RECEIVED));

        NinjsDocument document = NinjsMapper.toNinjs(article, 2, RECEIVED, RECEIVED.plusSeconds(5));

        assertThat(document.uri()).isEqualTo("urn:newsflow:article:a1");
        assertThat(document.version()).isEqualTo("2");
        assertThat(document.language()).isEqualTo("en");
        assertThat(document.mainHeadline()).isEqualTo("Floods hit the north");
        assertThat(document.mainBody()).isEqualTo("BERLIN (dpa) — Heavy rain flooded roads.\n\nMore rain is expected.");
        assertThat(document.bodies().get(0).wordcount()).isEqualTo(9);
        assertThat(document.people()).containsExactly(new Entity("Maria Keller", null, null));
        assertThat(document.organisations()).containsExactly(new Entity("dpa", null, null));
        assertThat(document.places()).containsExactly(new Entity("Berlin", null, null));
        assertThat(document.subjects()).containsExactly(
                new Subject("weather", "http://cv.iptc.org/newscodes/mediatopic/17000000", "about", 100),
                new Subject("disaster, accident and emergency incident",
                        "http://cv.iptc.org/newscodes/mediatopic/03000000", "about", 60),
                new Subject("heavy rain", null, "keyword", null), new Subject("roads", null, "keyword", null));
        assertThat(document.descriptions()).containsExactly(
                new Description("summary", "text/plain", "Heavy rain flooded roads."));
        assertThat(document.altids()).containsExactly(new AltId("sha256", "b0"),
                new AltId("simhash", "00ff00ff00ff00ff"), new AltId("source-url", "https://example.com/a1"));
        assertThat(document.by()).isEqualTo("Maria Keller");
        assertThat(document.located()).isEqualTo("BERLIN");
        assertThat(document.contentcreated()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(document.firstcreated()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(document.versioncreated()).isEqualTo("2026-11-24T09:00:05Z");
        assertThat(document.embargoed()).isNull();
    }
}
