package io.newsflow.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The media types newsflow takes in. */
public final class ContentTypes {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String JSON = "application/json";
    public static final List<String> ACCEPTED = List.of(TEXT, HTML, JSON);

    private ContentTypes() {
    }

    /** The accepted type a header value names ("text/html; charset=utf-8" is HTML), if any. */
    public static Optional<String> parse(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String bare = headerValue.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return ACCEPTED.contains(bare) ? Optional.of(bare) : Optional.empty();
    }

    /** The type a file's name implies: .txt, .html/.htm, .json; anything else is read as text. */
    public static String forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return HTML;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        return TEXT;
    }
}
