package io.newsflow.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts as ninjs means them: words are runs of letters or digits (with inner apostrophes, hyphens, dots). */
final class TextMetrics {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.\\-][\\p{L}\\p{N}]+)*");

    private TextMetrics() {
    }

    static int wordCount(String text) {
        Matcher matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    static int charCount(String text) {
        return text.codePointCount(0, text.length());
    }
}
