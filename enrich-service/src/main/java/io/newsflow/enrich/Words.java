package io.newsflow.enrich;

/**
 * One pass over a text's words, shared by the steps that count, classify and rank words. A word is a run of letters
 * and digits, with inner apostrophes, hyphens and dots between letters or digits ("Russia’s", "high-level", "U.S").
 * Hand-written rather than a regex: every article goes through it several times, and this is the hot path.
 */
final class Words {

    /** Receives each word's bounds, and whether punctuation (not just space) stands between it and the previous one. */
    @FunctionalInterface
    interface Visitor {
        void word(String text, int start, int end, boolean breakBefore);
    }

    private Words() {
    }

    static void scan(String text, Visitor visitor) {
        int length = text.length();
        int i = 0;
        boolean pendingBreak = false;
        while (i < length) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c)) {
                if (!isWhitespace(c) && c != '\u00A0') {
                    pendingBreak = true;
                }
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < length) {
                char d = text.charAt(i);
                if (isLetterOrDigit(d) || (d >= 0x80 && Character.getType(d) == Character.NON_SPACING_MARK)) {
                    i++;
                } else if (isJoiner(d) && i + 1 < length && isLetterOrDigit(text.charAt(i + 1))) {
                    i += 2;
                } else {
                    break;
                }
            }
            visitor.word(text, start, i, pendingBreak);
            pendingBreak = false;
        }
    }

    /** {@link Character#isLetterOrDigit(char)}, answered without a table look-up for ASCII, most of any text. */
    static boolean isLetterOrDigit(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    /** {@link Character#isWhitespace(char)}, with the same ASCII shortcut. */
    static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return Character.isWhitespace(c);
    }

    /**
     * Whether {@code text[start, end)} is an initialism, "U.S." or "a.m.": what {@code (?:\p{L}\.){2,}} matches,
     * letters as code points, without a regex.
     */
    static boolean isInitialism(CharSequence text, int start, int end) {
        int pairs = 0;
        int i = start;
        while (i < end) {
            int letter = Character.codePointAt(text, i);
            if (!Character.isLetter(letter)) {
                return false;
            }
            i += Character.charCount(letter);
            if (i >= end || text.charAt(i) != '.') {
                return false;
            }
            i++;
            pairs++;
        }
        return pairs >= 2;
    }

    /**
     * How many parts {@code text.split("\\s+")} gives, counted without a regex or the parts: runs of other than
     * {@code [ \t\n\x0B\f\r]}, one more (empty) for leading space, none for a text of space only; an empty text
     * is one (empty) part.
     */
    static int splitCount(String text) {
        int runs = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space && !inRun) {
                runs++;
            }
            inRun = !space;
        }
        if (runs == 0) {
            return text.isEmpty() ? 1 : 0;
        }
        char first = text.charAt(0);
        boolean leadingSpace = first == ' ' || first == '\t' || first == '\n' || first == '\u000B' || first == '\f'
                || first == '\r';
        return runs + (leadingSpace ? 1 : 0);
    }

    static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == '-' || c == '.';
    }

    static int count(String text) {
        int[] count = {0};
        scan(text, (t, start, end, breakBefore) -> count[0]++);
        return count[0];
    }
}
