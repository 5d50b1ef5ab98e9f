package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void doesNotBreakAfterHonorificsOrInitialisms() {
        assertThat(Sentences.split("Mr. Trump met U.S. officials in Riyadh. Dr. Mensah said it went well.",
                Locale.ENGLISH)).containsExactly("Mr. Trump met U.S. officials in Riyadh.",
                "Dr. Mensah said it went well.");
    }

    @Test
    void splitsSpanishAndGermanText() {
        assertThat(Sentences.split("El Sr. López llegó a Madrid. ¿Qué pasará ahora?", Locale.forLanguageTag("es")))
                .containsExactly("El Sr. López llegó a Madrid.", "¿Qué pasará ahora?");
        assertThat(Sentences.split("Die Regierung tagte am Montag. Das Ergebnis kam spät.", Locale.GERMAN))
                .containsExactly("Die Regierung tagte am Montag.", "Das Ergebnis kam spät.");
    }
}
