package io.newsflow.enrich;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences with the JDK's {@link BreakIterator}, then joins back the breaks it makes after
 * abbreviations ("Mr. Trump", "U.S. officials", "Dr. Mensah", "Sr. López").
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "sra", "srta",
            "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "hon", "jr", "mt", "no", "vs", "etc",
            "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "m", "mme", "mlle", "dres", "hr", "fr", "bzw", "ca", "nr", "vgl", "z", "b", "d", "h", "dra", "ud",
            "uds", "av", "pág", "approx", "dept", "est", "fig", "op");
    /** A token ending in a dot that is an initialism: U.S., U.K., E.U., a.m. */
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\p{Punct}“”‘’«(]+");
    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.){2,}");

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

    private static boolean endsWithAbbreviation(CharSequence text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        if (start == end) {
            return false;
        }
        String word = text.subSequence(start, end).toString();
        if (!word.endsWith(".")) {
            return false;
        }
        String bare = LEADING_PUNCTUATION.matcher(word.substring(0, word.length() - 1)).replaceFirst("");
        return ABBREVIATIONS.contains(bare.toLowerCase(Locale.ROOT)) || INITIALISM.matcher(word).matches()
                || (bare.length() == 1 && Character.isUpperCase(bare.charAt(0)));
    }

    private static void add(List<String> sentences, StringBuilder pending) {
        String sentence = pending.toString().strip();
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        pending.setLength(0);
    }
}
