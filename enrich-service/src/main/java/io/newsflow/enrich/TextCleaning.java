package io.newsflow.enrich;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Line-level cleaning shared by every input format: ad shortcodes out, Unicode and spaces normalized. */
final class TextCleaning {

    /** WordPress auto-blog ad shortcodes: [ad_1], [ad_2], [ad]. */
    static final Pattern AD_MARKER = Pattern.compile("\\[ad(?:_\\d+)?]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");

    private TextCleaning() {
    }

    static boolean isAdMarkerLine(String line) {
        return AD_MARKER.matcher(line.strip()).replaceAll("").isBlank() && AD_MARKER.matcher(line).find();
    }

    /** NFC, no ad markers, runs of white space as one space, trimmed. Typography is left as written. */
    static String cleanLine(String line) {
        String withoutAds = AD_MARKER.matcher(Normalizer.normalize(line, Normalizer.Form.NFC)).replaceAll(" ");
        return SPACES.matcher(withoutAds).replaceAll(" ").strip();
    }
}
