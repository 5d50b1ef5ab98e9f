package io.newsflow.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;

/** Reads the JSON envelope: {@code title} is the headline, {@code body} is text or HTML. */
final class EnvelopeParser {

    private EnvelopeParser() {
    }

    static ArticleText parse(String json) throws JsonProcessingException {
        JsonNode envelope = Json.mapper().readTree(json);
        String body = envelope.path("body").asText("");
        ArticleText text = looksLikeHtml(body) ? HtmlParser.parse(body) : PlainTextParser.parse(body);
        String title = TextCleaning.cleanLine(envelope.path("title").asText(""));
        if (title.isEmpty()) {
            return text;
        }
        return new ArticleText(title, text.headline().isEmpty() || looksLikeHtml(body)
                ? text.paragraphs() : prepend(text.headline(), text));
    }

    private static java.util.List<String> prepend(String first, ArticleText text) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(text.paragraphs());
        return all;
    }

    static boolean looksLikeHtml(String body) {
        return body.matches("(?s).*<(p|div|br|h[1-6]|ul|ol|li|a|span|article|section|html|body)\\b.*");
    }
}
