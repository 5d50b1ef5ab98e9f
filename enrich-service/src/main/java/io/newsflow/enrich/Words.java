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
            if (!Character.isLetterOrDigit(c)) {
                if (!Character.isWhitespace(c) && c != '\u00A0') {
                    pendingBreak = true;
                }
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < length) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i++;
                } else if (isJoiner(d) && i + 1 < length && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i += 2;
                } else {
                    break;
                }
            }
            visitor.word(text, start, i, pendingBreak);
            pendingBreak = false;
        }
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
