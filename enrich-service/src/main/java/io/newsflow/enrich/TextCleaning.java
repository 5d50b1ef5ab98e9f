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
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

    private TextCleaning() {
    }

    /** Removes shortcodes from text, counting them; embeds become media references. */
    static String removeShortcodes(String text, CleaningReport report) {
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

    /** NFC, no invisible characters, runs of white space as one space, trimmed. */
    static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
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
