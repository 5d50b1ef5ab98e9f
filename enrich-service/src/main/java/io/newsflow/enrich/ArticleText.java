package io.newsflow.enrich;

import java.util.List;

/** An article's structure as read from its payload: the headline and the body's paragraphs, before metadata. */
public record ArticleText(String headline, List<String> paragraphs) {

    public ArticleText {
        paragraphs = List.copyOf(paragraphs);
    }
}
