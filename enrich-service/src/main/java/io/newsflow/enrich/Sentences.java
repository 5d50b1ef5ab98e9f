package io.newsflow.enrich;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences where the JDK's {@link BreakIterator} would (found by {@link SentenceBreaks}
 * for the common characters), then joins back the breaks it makes after abbreviations ("Mr. Trump", "U.S.
 * officials", "Dr. Mensah", "Sr. López").
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
        List<String> sentences = new ArrayList<>();
        // The text not yet added is paragraph[pending, end): kept as bounds, cut out once, when it is a sentence.
        int pending = 0;
        for (int end : breaks(paragraph, locale)) {
            if (!endsWithAbbreviation(paragraph, pending, end) || end == paragraph.length()) {
                add(sentences, paragraph, pending, end);
                pending = end;
            }
        }
        add(sentences, paragraph, pending, paragraph.length());
        return sentences;
    }

    /** The JDK sentence iterator's breaks: found by {@link SentenceBreaks} where it can, else by the iterator. */
    private static int[] breaks(String paragraph, Locale locale) {
        int[] breaks = SentenceBreaks.of(paragraph);
        if (breaks != null) {
            return breaks;
        }
        BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(paragraph);
        List<Integer> ends = new ArrayList<>();
        iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
            ends.add(end);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether the text ends with an abbreviation or an initialism: its last word, without the punctuation that may
     * open it ({@code [\p{Punct}“”‘’«(]}), is a listed abbreviation, a single capital, or "U.S."-like. Hand-written:
     * it runs at every sentence break. The text is {@code text[from, to)}.
     */
    private static boolean endsWithAbbreviation(String text, int from, int to) {
        int end = to;
        while (end > from && Words.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > from && !Words.isWhitespace(text.charAt(start - 1))) {
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

    /** Adds {@code text[from, to)} without the white space around it (as {@link String#strip()}), unless empty. */
    private static void add(List<String> sentences, String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Words.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Words.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(text.substring(start, end));
        }
    }
}
