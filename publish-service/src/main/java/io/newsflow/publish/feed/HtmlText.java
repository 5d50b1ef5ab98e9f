package io.newsflow.publish.feed;

/**
 * Plain text as HTML that shows exactly that text. RSS readers render {@code <description>} as HTML, so article text
 * (plain text that may look like markup, such as {@code <img onerror=...>}) must be escaped as HTML there, on top of
 * the XML escaping ROME does; otherwise a reader would run it.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                // HTML parsers turn a raw CR (and CRLF) into LF; as a reference it stays the text's own CR.
                case '\r' -> html.append("&#13;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
