package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SentenceBreaks} against the JDK's sentence iterator, which it stands in for: the same breaks or none. */
class SentenceBreaksTest {

    private static final String[] TEMPLATES = {"x. c", "x.c", "x. cA", "x. c a", "x. ca", "x.cA", "x? c", "x! ca",
        "x. (cA", "x.”c", "x. ”c a", "x.c. A", "x. c. a", "c. A", "x c? a", "x. cc A", "x.c A", "x. c.A", "x. c!a",
        "cx. (A", "x.”c A", "x. c”. A", "x. ¿cA", "x.\u00A0cA", "x. c\u00A0A"};

    private static final BreakIterator ITERATOR = BreakIterator.getSentenceInstance(Locale.ROOT);

    @Test
    void everyKnownCharacterInEveryPositionThatDecidesABreak() {
        for (char c : knownCharacters().toCharArray()) {
            for (String template : TEMPLATES) {
                assertSameBreaks(template.replace('c', c));
            }
        }
    }

    @Test
    void generatedText() {
        Random random = new Random(20261125);
        String alphabet = knownCharacters() + ". . ? ! ".repeat(60);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int j = 0; j < length; j++) {
                if (random.nextInt(4) == 0) {
                    text.append(random.nextBoolean() ? "word" : "Word");
                } else {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertSameBreaks(text.toString());
        }
    }

    @Test
    void newsText() {
        assertSameBreaks("Mr. Trump met U.S. officials in Riyadh. Dr. Mensah said it went well.");
        assertSameBreaks("“We will not stop,” she said. “Never.” The talks (in Riyadh) ended at 3.30 p.m. on Monday.");
        assertSameBreaks("El Sr. López llegó a Madrid. ¿Qué pasará ahora? «Nada», dijo. Die Regierung tagte.");
        assertThat(SentenceBreaks.of("Zwei  Leerzeichen.")).as("runs of space: left to the iterator").isNull();
        assertThat(SentenceBreaks.of("Soft\u00ADhyphen.")).as("a format character").isNull();
    }

    private static String knownCharacters() {
        StringBuilder known = new StringBuilder();
        for (char c = ' '; c <= '\u203A'; c++) {
            if (SentenceBreaks.of(String.valueOf(c)) != null) {
                known.append(c);
            }
        }
        return known.toString();
    }

    private static void assertSameBreaks(String text) {
        int[] breaks = SentenceBreaks.of(text);
        if (breaks == null) {
            return;
        }
        ITERATOR.setText(text);
        BreakIterator iterator = ITERATOR;
        List<Integer> expected = new ArrayList<>();
        iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
            expected.add(end);
        }
        assertThat(Arrays.stream(breaks).boxed().toList()).as(text).isEqualTo(expected);
    }
}
