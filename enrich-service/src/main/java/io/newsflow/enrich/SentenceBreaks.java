package io.newsflow.enrich;

/**
 * The sentence breaks the JDK's sentence {@link java.text.BreakIterator} finds, found by a hand-written scan for text
 * of the characters news in the supported languages is written in (Latin letters, Latin-1 and general punctuation).
 * The JDK's rule-based iterator cost ~6% of an enrichment; this scan a fraction of that. On any other character it
 * gives up ({@link #of} returns null) and the iterator is used: the rules below are the JDK's
 * ({@code sun.text.resources.BreakIteratorRules}, "SentenceBreakRules") only for the characters it accepts, and
 * {@code SentenceBreaksTest} checks it against the iterator on generated text.
 *
 * <p>The JDK's rules, for these characters: after {@code !} or {@code ?}, and any further terminators, periods,
 * closing punctuation and space, always a break. After a period, and any further periods and closing punctuation:
 * a break after one or more spaces if a letter other than a lower-case one follows, or (with or without space) before
 * a run of opening punctuation or other symbols followed by a letter.
 */
final class SentenceBreaks {

    private SentenceBreaks() {
    }

    /**
     * The ends of the sentences of {@code text} in order (the last is {@code text.length()}, for a non-empty text),
     * as {@link java.text.BreakIterator#next()} gives them from the start; null if the text holds a character this scan
     * does not know.
     */
    static int[] of(String text) {
        int n = text.length();
        boolean afterSpace = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            // Printable ASCII, most of any text, is known without the range tests.
            if (space ? afterSpace : (c < ' ' || c > '~') && !known(c)) {
                return null; // runs of space, which cleaning leaves none of, make the iterator break oddly too
            }
            afterSpace = space;
        }
        int[] breaks = new int[8];
        int count = 0;
        int at = 0;
        while (at < n) {
            int end = next(text, at);
            if (end < 0) {
                return null;
            }
            if (count == breaks.length) {
                breaks = java.util.Arrays.copyOf(breaks, 2 * count);
            }
            breaks[count++] = end;
            at = end;
        }
        return java.util.Arrays.copyOf(breaks, count);
    }

    /** The end of the sentence starting at {@code from}; -1 where this scan cannot be sure what the iterator does. */
    private static int next(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && (isTerm(text.charAt(j)) || text.charAt(j) == '.' || isEnd(text.charAt(j)))) {
                    j++;
                }
                while (j < n && isSpace(text.charAt(j))) {
                    j++;
                }
                return j;
            }
            if (c == '.') {
                int j = i + 1;
                while (j < n && (text.charAt(j) == '.' || isEnd(text.charAt(j)))) {
                    if (isStart(text.charAt(j))) {
                        return -1; // a quote that may close this sentence or open the next: left to the iterator
                    }
                    j++;
                }
                int m = j;
                while (m < n && isSpace(text.charAt(m))) {
                    m++;
                }
                if (m > j && m < n && Character.isLetter(text.charAt(m))
                        && Character.getType(text.charAt(m)) != Character.LOWERCASE_LETTER) {
                    return m;
                }
                int k = m;
                while (k < n && (isStart(text.charAt(k)) || isSentenceStart(text.charAt(k)))) {
                    k++;
                }
                if (k > m && k < n && Character.isLetter(text.charAt(k))) {
                    return m;
                }
                if (k > m && k == n) {
                    return -1; // the text ends where the iterator looks for a letter: it then breaks oddly
                }
            }
        }
        return n;
    }

    /**
     * The characters this scan knows: ASCII, Latin-1 and Latin Extended-A (but the soft hyphen, a format character the
     * iterator skips), and general punctuation from the hyphen to the ellipsis and the per-mille sign to "›".
     */
    private static boolean known(char c) {
        return (c >= ' ' && c <= '~') || (c >= '\u00A0' && c <= '\u017F' && c != '\u00AD')
                || (c >= '\u2010' && c <= '\u2027') || (c >= '\u2030' && c <= '\u203A');
    }

    private static boolean isTerm(char c) {
        return c == '!' || c == '?';
    }

    /**
     * White space as the iterator's rules see it, among the characters this scan knows: the space separators ' ' and
     * no-break space (the others, U+1680, U+2000-U+200A, U+202F, U+205F and U+3000, are left to the iterator).
     */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0';
    }

    /** Opening punctuation and quotation marks. */
    private static boolean isStart(char c) {
        int type = Character.getType(c);
        return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION || c == '"'
                || c == '\'';
    }

    /** Closing punctuation and quotation marks. */
    private static boolean isEnd(char c) {
        int type = Character.getType(c);
        return type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION || c == '"'
                || c == '\'';
    }

    /** What may open a sentence besides letters: anything not a letter, digit, space or punctuation named above. */
    private static boolean isSentenceStart(char c) {
        return !Character.isLetter(c) && !isSpace(c) && !isStart(c) && !isEnd(c) && !isDigit(c) && !isTerm(c)
                && c != '.' && c != ',';
    }

    private static boolean isDigit(char c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
