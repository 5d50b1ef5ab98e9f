package io.newsflow.enrich;

import java.util.Arrays;
import java.util.List;

/**
 * Reads plain-text articles. The WordPress auto-blog shape ({@code [ad_1]}, body, {@code [ad_2]}, headline on the
 * last line) gives its trailing line as the headline; otherwise the first line is the headline when more follow.
 * Every other non-empty line is a paragraph.
 */
final class PlainTextParser {

    private PlainTextParser() {
    }

    static ArticleText parse(String text, CleaningReport report) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int lastMarker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (TextCleaning.isAdMarkerLine(lines.get(i))) {
                lastMarker = i;
            }
        }
        CleaningReport beforeReport = new CleaningReport();
        CleaningReport afterReport = new CleaningReport();
        List<String> before = paragraphs(lines.subList(0, lastMarker + 1), beforeReport);
        List<String> after = paragraphs(lines.subList(lastMarker + 1, lines.size()), afterReport);
        report.absorb(beforeReport);
        report.absorb(afterReport);
        if (lastMarker >= 0 && after.size() == 1 && !before.isEmpty() && looksLikeHeadline(after.get(0))) {
            return new ArticleText(after.get(0), before);
        }
        List<String> all = new java.util.ArrayList<>(before);
        all.addAll(after);
        return headlineFirst(all);
    }

    /** The first paragraph is the headline when more follow; a lone paragraph has no headline of its own. */
    static ArticleText headlineFirst(List<String> paragraphs) {
        if (paragraphs.size() > 1 && looksLikeHeadline(paragraphs.get(0))) {
            return new ArticleText(paragraphs.get(0), paragraphs.subList(1, paragraphs.size()));
        }
        return new ArticleText("", paragraphs);
    }

    /** Headlines are short and do not read as a run of sentences. */
    static boolean looksLikeHeadline(String line) {
        return line.length() <= 200 && Words.splitCount(line) <= 30;
    }

    private static List<String> paragraphs(List<String> lines, CleaningReport report) {
        return TextCleaning.paragraphs(lines.stream().map(line -> TextCleaning.removeShortcodes(line, report)).toList(),
                report);
    }
}
