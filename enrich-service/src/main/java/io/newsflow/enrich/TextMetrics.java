package io.newsflow.enrich;


/** Counts as ninjs means them: words are runs of letters or digits (with inner apostrophes, hyphens, dots). */
final class TextMetrics {

    private TextMetrics() {
    }

    static int wordCount(String text) {
        return Words.count(text);
    }

    static int charCount(String text) {
        return text.codePointCount(0, text.length());
    }
}
