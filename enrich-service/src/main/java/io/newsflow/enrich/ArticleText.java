package io.newsflow.enrich;

import java.util.List;

/** An article's structure as read from its payload: the headline (empty when it has none) and the paragraphs. */
record ArticleText(String headline, List<String> paragraphs) {

    ArticleText {
        paragraphs = List.copyOf(paragraphs);
    }
}
