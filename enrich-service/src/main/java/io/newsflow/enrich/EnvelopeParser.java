package io.newsflow.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the JSON envelope: {@code title} is the headline and then all of {@code body} (text or HTML) is the article;
 * without a title the body is read as a text or HTML article of its own.
 */
final class EnvelopeParser {

    private static final Pattern HTML_TAG = Pattern.compile(
            "<(p|div|br|h[1-6]|ul|ol|li|a|span|article|section|html|body)\\b", Pattern.CASE_INSENSITIVE);

    private EnvelopeParser() {
    }

    static ArticleText parse(String json) throws JsonProcessingException {
        JsonNode envelope = Json.mapper().readTree(json);
        String body = envelope.path("body").asText("");
        boolean html = HTML_TAG.matcher(body).find();
        String title = TextCleaning.cleanLine(envelope.path("title").asText(""));
        if (title.isEmpty()) {
            return html ? HtmlParser.parse(body) : PlainTextParser.parse(body);
        }
        List<String> paragraphs = html ? HtmlParser.bodyParagraphs(body)
                : PlainTextParser.cleanLines(List.of(body.split("\n")));
        return new ArticleText(title, paragraphs.stream().filter(p -> !TextCleaning.isAdMarkerLine(p)).toList());
    }
}
