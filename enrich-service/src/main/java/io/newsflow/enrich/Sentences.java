package io.newsflow.enrich;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences with the JDK's {@link BreakIterator}, then joins back the breaks it makes after
 * abbreviations ("Mr. Trump", "U.S. officials", "Dr. Mensah", "Sr. López").
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = WordSet.of("mr", "mrs", "ms", "dr", "prof", "sr", "sra", "srta",
            "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "hon", "jr", "mt", "no", "vs", "etc",
            "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "m", "mme", "mlle", "dres", "hr", "fr", "bzw", "ca", "nr", "vgl", "z", "b", "d", "h", "dra", "ud",
            "uds", "av", "pág", "approx", "dept", "est", "fig", "op");
    private static final int MAX_ABBREVIATION_LENGTH = ABBREVIATIONS.stream().mapToInt(String::length).max()
            .orElse(0);

    private Sentences() {
    }

    static List<String> split(String paragraph, Locale locale) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(paragraph);
        List<String> sentences = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            pending.append(paragraph, start, end);
            if (!endsWithAbbreviation(pending) || end == paragraph.length()) {
                add(sentences, pending);
            }
        }
        add(sentences, pending);
        return sentences;
    }

    /**
     * Whether the text ends with an abbreviation or an initialism: its last word, without the punctuation that may
     * open it ({@code [\p{Punct}“”‘’«(]}), is a listed abbreviation, a single capital, or "U.S."-like. Hand-written:
     * it runs at every sentence break.
     */
    private static boolean endsWithAbbreviation(CharSequence text) {
        int end = text.length();
        while (end > 0 && Words.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Words.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        if (start == end || text.charAt(end - 1) != '.') {
            return false;
        }
        int bareStart = start;
        while (bareStart < end - 1 && isOpeningPunctuation(text.charAt(bareStart))) {
            bareStart++;
        }
        int bareLength = end - 1 - bareStart;
        // Lower-casing never shortens a word: one longer than every abbreviation is none of them.
        if (bareLength <= MAX_ABBREVIATION_LENGTH && ABBREVIATIONS.contains(
                text.subSequence(bareStart, end - 1).toString().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Words.isInitialism(text, start, end)
                || (bareLength == 1 && Character.isUpperCase(text.charAt(bareStart)));
    }

    /** {@code \p{Punct}} (ASCII punctuation) and the quotes and brackets that may open a word. */
    private static boolean isOpeningPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '«';
    }

    private static void add(List<String> sentences, StringBuilder pending) {
        String sentence = pending.toString().strip();
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        pending.setLength(0);
    }
}
