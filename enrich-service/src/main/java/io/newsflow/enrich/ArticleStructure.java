package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byline and dateline. A "By NAME" paragraph (By, Por, Par, Von) at the top of the body is a byline and leaves the
 * body; a dateline ("KYIV (Reuters) —", "BERLIN, March 3 (AP) —") opening the first paragraph is read but left in
 * the text, which is never cut.
 */
final class ArticleStructure {

    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by|por|par|von)\\s+([\\p{Lu}][\\p{L}.'’\\- ]{1,60}(?:\\s+(?:and|y|et|und)\\s+[\\p{Lu}][\\p{L}.'’\\- ]{1,60})?)"
                    + "(?:\\s*[,|/–—-]\\s*[\\p{L} .()]{1,40})?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DATELINE = Pattern.compile(
            "^((\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+\\p{Lu}[\\p{L}.'’\\-]*){0,3})(?:,\\s*[\\p{L}.]+\\.?\\s+\\d{1,2})?"
                    + "\\s*\\(([^)]{2,30})\\))\\s*[—–-]+\\s*");

    private ArticleStructure() {
    }

    record Structured(List<String> paragraphs, String byline, String dateline) {
    }

    static Structured of(List<String> paragraphs) {
        List<String> body = new ArrayList<>(paragraphs);
        String byline = null;
        for (int i = 0; i < Math.min(2, body.size()); i++) {
            Matcher by = BYLINE.matcher(body.get(i));
            if (by.matches() && body.get(i).length() <= 100) {
                byline = by.group(1).strip();
                body.remove(i);
                break;
            }
        }
        String dateline = null;
        if (!body.isEmpty()) {
            Matcher date = DATELINE.matcher(body.get(0));
            if (date.find()) {
                dateline = date.group(1).strip();
            }
        }
        return new Structured(body, byline, dateline);
    }
}
