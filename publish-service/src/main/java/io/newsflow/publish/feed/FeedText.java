package io.newsflow.publish.feed;

/**
 * Article text as every feed can carry it. Articles come from outside and may hold characters XML 1.0 cannot
 * represent at all (NUL and the other C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF): escaping
 * cannot help there, so they are removed before text reaches ROME (whose JDOM would refuse them) and, so that every
 * feed says the same, before the JSON Feed too. Markup-like text ({@code <script>}, {@code ]]>}) is left as it is:
 * the writers escape it.
 */
final class FeedText {

    private FeedText() {
    }

    /** The text without the characters XML 1.0 forbids; null stays null. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(FeedText::isXmlChar).forEach(kept::appendCodePoint);
        return kept.length() == text.length() ? text : kept.toString();
    }

    /** XML 1.0's {@code Char} production; a lone surrogate arrives here as its own code point and fails it. */
    static boolean isXmlChar(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }
}
