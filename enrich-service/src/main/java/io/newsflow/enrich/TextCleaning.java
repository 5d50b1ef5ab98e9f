package io.newsflow.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleaning that applies to text whatever its format: WordPress shortcodes out ({@code [ad_N]}, {@code [ad]},
 * {@code [adsense]}, {@code [embed]…[/embed]}; {@code [caption …]text[/caption]} keeps its text), Unicode to NFC,
 * runs of white space to one space. Typography ("curly" quotes, dashes, %, $) is left as written.
 */
final class TextCleaning {

    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*](.*?)\\[/embed]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CAPTION = Pattern.compile("\\[caption[^\\]]*](.*?)\\[/caption]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Ad shortcodes, opening or closing, with or without attributes: [ad_1], [ad], [adsense], [/adsense]. */
    private static final Pattern AD_SHORTCODE = Pattern.compile(
            "\\[/?(?:ad(?:_\\d+)?|ads|adsense|advert|advertisement)(?:\\s[^\\]]*)?]", Pattern.CASE_INSENSITIVE);

    private TextCleaning() {
    }

    /** A line that is nothing but an ad shortcode, such as the auto-blog's [ad_1] and [ad_2] lines. */
    static boolean isAdMarkerLine(String line) {
        return line.indexOf('[') >= 0 && AD_SHORTCODE.matcher(line.strip()).matches();
    }

    /** Removes shortcodes from text, counting them; embeds become media references. */
    static String removeShortcodes(String text, CleaningReport report) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        Matcher embeds = EMBED.matcher(text);
        StringBuilder withoutEmbeds = new StringBuilder();
        while (embeds.find()) {
            report.adMarkers++;
            report.media("embed", embeds.group(1), null);
            embeds.appendReplacement(withoutEmbeds, " ");
        }
        embeds.appendTail(withoutEmbeds);
        Matcher captions = CAPTION.matcher(withoutEmbeds);
        StringBuilder withoutCaptions = new StringBuilder();
        while (captions.find()) {
            report.adMarkers++;
            captions.appendReplacement(withoutCaptions, Matcher.quoteReplacement(captions.group(1)));
        }
        captions.appendTail(withoutCaptions);
        Matcher ads = AD_SHORTCODE.matcher(withoutCaptions);
        StringBuilder withoutAds = new StringBuilder();
        while (ads.find()) {
            report.adMarkers++;
            ads.appendReplacement(withoutAds, " ");
        }
        ads.appendTail(withoutAds);
        return withoutAds.toString();
    }

    /**
     * NFC, no invisible or control characters, runs of white space as one space, trimmed. One pass: it runs on every
     * line; a line that is already clean (most are) is returned as it is, without a copy.
     */
    static String normalize(String text) {
        // Most lines hold only characters that are their own NFC: the NFC check is then skipped (see clean).
        String clean = clean(text, true);
        if (clean != null) {
            return clean;
        }
        return clean(Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC), false);
    }

    /**
     * {@link #normalize} of a text in NFC. With {@code checkNfc}, the text need not be in NFC: null is returned at
     * the first character that may be changed by NFC or change its neighbour, anything but
     * {@link #composedForSure(char)}.
     */
    private static String clean(String nfc, boolean checkNfc) {
        // Until the first change the output is a prefix of the input: it is only counted, and copied at that change.
        char[] out = null;
        int length = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            boolean visibleAscii = c > ' ' && c < 0x7F;
            if (checkNfc && !visibleAscii && !composedForSure(c)) {
                return null;
            }
            if (!visibleAscii && isInvisible(c)) {
                out = out != null ? out : prefix(nfc, length);
                continue;
            }
            if (!visibleAscii && (c == ' ' || isSpace(c))) { // ' ', most of the rest, without a table look-up
                // Only a lone ' ' between two words is kept as it is; any other run of space is rewritten.
                if (out == null && (c != ' ' || pendingSpace || length == 0)) {
                    out = prefix(nfc, length);
                }
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) {
                if (out != null) {
                    out[length] = ' ';
                }
                length++;
                pendingSpace = false;
            }
            if (out != null) {
                out[length] = c;
            }
            length++;
        }
        if (out != null) {
            return new String(out, 0, length);
        }
        return pendingSpace ? nfc.substring(0, length) : nfc; // a trailing space is dropped
    }

    /**
     * Characters that NFC leaves as they are, whatever stands around them among these: every character below the
     * combining diacritical marks (U+0300: ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers), and
     * general punctuation, super- and subscripts and currency signs (U+2002-U+20CF; U+2000 and U+2001 are
     * canonically U+2002 and U+2003). {@code TextCleaningTest} checks every pair of them.
     */
    static boolean composedForSure(char c) {
        return c < '\u0300' || (c >= '\u2002' && c <= '\u20CF');
    }

    private static char[] prefix(String text, int length) {
        char[] out = new char[text.length()];
        text.getChars(0, length, out, 0);
        return out;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || (c >= '\u2000' && c <= '\u200B') || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }

    /** Zero-width marks, soft hyphens and control characters (NUL, BEL...: never text, and XML cannot carry them). */
    private static boolean isInvisible(char c) {
        return (c < 0x20 && !Character.isWhitespace(c)) || c == 0x7F || c == '\u200C' || c == '\u200D'
                || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Each line as a clean paragraph; empty lines and boilerplate lines dropped (and counted). */
    static List<String> paragraphs(List<String> lines, CleaningReport report) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : lines) {
            String clean = normalize(line);
            if (clean.isEmpty()) {
                continue;
            }
            if (Boilerplate.isBoilerplate(clean)) {
                report.boilerplate++;
                continue;
            }
            paragraphs.add(clean);
        }
        return paragraphs;
    }
}
