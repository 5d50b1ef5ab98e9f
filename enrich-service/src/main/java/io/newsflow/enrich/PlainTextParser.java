package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads plain-text articles. The WordPress auto-blog shape ({@code [ad_1]}, body, {@code [ad_2]}, headline on the
 * last line) gives its trailing line as the headline; otherwise the first line is the headline when there are
 * several, and each further line is a paragraph.
 */
final class PlainTextParser {

    private PlainTextParser() {
    }

    static ArticleText parse(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int lastMarker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (TextCleaning.isAdMarkerLine(lines.get(i))) {
                lastMarker = i;
            }
        }
        List<String> afterMarker = lastMarker < 0 ? List.of() : cleanLines(lines.subList(lastMarker + 1, lines.size()));
        List<String> beforeMarker = lastMarker < 0 ? List.of() : cleanLines(lines.subList(0, lastMarker));
        if (afterMarker.size() == 1 && !beforeMarker.isEmpty()) {
            return new ArticleText(afterMarker.get(0), beforeMarker);
        }
        return headlineFirst(cleanLines(lines));
    }

    /** The first paragraph is the headline when more follow; a lone paragraph has no headline of its own. */
    static ArticleText headlineFirst(List<String> paragraphs) {
        if (paragraphs.size() > 1) {
            return new ArticleText(paragraphs.get(0), paragraphs.subList(1, paragraphs.size()));
        }
        return new ArticleText("", paragraphs);
    }

    static List<String> cleanLines(List<String> lines) {
        List<String> cleaned = new ArrayList<>();
        for (String line : lines) {
            String clean = TextCleaning.cleanLine(line);
            if (!clean.isEmpty()) {
                cleaned.add(clean);
            }
        }
        return cleaned;
    }
}
