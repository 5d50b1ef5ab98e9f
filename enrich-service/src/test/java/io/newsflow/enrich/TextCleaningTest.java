package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleaningTest {

    @Test
    void foldsEveryRunOfWhiteSpaceIntoOneSpaceAndTrims() {
        assertThat(TextCleaning.normalize("a\nb")).isEqualTo("a b");
        assertThat(TextCleaning.normalize("  a \t\u00A0 b  ")).isEqualTo("a b");
        assertThat(TextCleaning.normalize("a\u2009b\u3000c")).isEqualTo("a b c");
    }

    @Test
    void dropsInvisibleCharactersAndComposesToNfc() {
        assertThat(TextCleaning.normalize("co\u00ADoperate\u200B now\uFEFF")).isEqualTo("cooperate now");
        assertThat(TextCleaning.normalize("Cafe\u0301")).isEqualTo("Café");
    }

    @Test
    void returnsCleanTextAsItIs() {
        String clean = "Already clean — 20% “quoted” $5.";
        assertThat(TextCleaning.normalize(clean)).isSameAs(clean);
    }

    @Test
    void countsRemovedShortcodesAndKeepsCaptionText() {
        CleaningReport report = new CleaningReport();
        assertThat(TextCleaning.removeShortcodes("[ad_1]A [caption id=\"1\"]B[/caption] [adsense]C[/adsense]", report)
                .replaceAll("\\s+", " ").strip()).isEqualTo("A B C");
        assertThat(report.adMarkers).isEqualTo(4);
    }

    @Test
    void dropsControlCharactersAndFoldsLineBreaksInsideALine() {
        assertThat(TextCleaning.normalize("Talks\u0000 in\r\nRiyadh\u0007 end")).isEqualTo("Talks in Riyadh end");
    }

    @Test
    void charactersTakenForNfcAreNfcInEveryPair() {
        StringBuilder sure = new StringBuilder();
        for (char c = 0; c < '\uFFFF'; c++) {
            if (TextCleaning.composedForSure(c)) {
                sure.append(c);
            }
        }
        for (int i = 0; i < sure.length(); i++) {
            for (int j = 0; j < sure.length(); j++) {
                String pair = new String(new char[] {sure.charAt(i), sure.charAt(j)});
                if (!java.text.Normalizer.isNormalized(pair, java.text.Normalizer.Form.NFC)) {
                    throw new AssertionError("not NFC: U+%04X U+%04X".formatted((int) pair.charAt(0),
                            (int) pair.charAt(1)));
                }
            }
        }
        assertThat(TextCleaning.normalize("Cafe\u0301 au lait")).isEqualTo("Café au lait");
        assertThat(TextCleaning.normalize("\u2000Ohm\u2126")).isEqualTo("Ohm\u03A9");
    }
}
