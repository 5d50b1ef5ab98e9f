package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.EnrichedArticle.EntityMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor(new Gazetteer(), new Stopwords());

    @Test
    void findsPeopleByRoleAndGivenNameAndCountsSurnameMentions() {
        EntityExtractor.Entities entities = EXTRACTOR.extract(List.of(
                "Finance Minister Ana Ruiz met bankers in London on Monday.",
                "Ruiz said the European Central Bank would act.",
                "Kwame Mensah, who chairs the committee, agreed with Ruiz."), "en");
        assertThat(entities.people()).containsExactly(new EntityMention("Ana Ruiz", 3),
                new EntityMention("Kwame Mensah", 1));
        assertThat(entities.places()).containsExactly(new EntityMention("London", 1));
        assertThat(entities.organisations()).containsExactly(new EntityMention("European Central Bank", 1));
    }

    @Test
    void findsPeopleAndPlacesInSpanishFrenchAndGerman() {
        assertThat(EXTRACTOR.extract(List.of("La ministra Ana Ruiz viajó a Buenos Aires con el presidente Pedro "
                + "Sánchez."), "es").people()).extracting(EntityMention::name).containsExactly("Ana Ruiz", "Pedro Sánchez");
        EntityExtractor.Entities french = EXTRACTOR.extract(List.of(
                "Le président Emmanuel Macron a reçu M. Dupont à Marseille."), "fr");
        assertThat(french.people()).extracting(EntityMention::name).containsExactly("Emmanuel Macron", "Dupont");
        assertThat(french.places()).extracting(EntityMention::name).containsExactly("Marseille");
        EntityExtractor.Entities german = EXTRACTOR.extract(List.of(
                "Bundeskanzler Friedrich Merz sprach in München mit Frau Keller."), "de");
        assertThat(german.people()).extracting(EntityMention::name).containsExactly("Friedrich Merz", "Keller");
        assertThat(german.places()).extracting(EntityMention::name).containsExactly("München");
    }

    @Test
    void ignoresSentenceInitialWordsAndDemonyms() {
        EntityExtractor.Entities entities = EXTRACTOR.extract(List.of(
                "The Russian delegation arrived on Monday.", "Officials said talks would resume."), "en");
        assertThat(entities.people()).isEmpty();
        assertThat(entities.places()).isEmpty();
        assertThat(entities.organisations()).isEmpty();
    }
}
