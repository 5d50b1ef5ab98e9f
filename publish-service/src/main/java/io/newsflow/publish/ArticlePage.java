package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.List;
import java.util.Optional;

/**
 * One page of articles, newest first, and where the next page starts (empty on the last page).
 */
public record ArticlePage(List<NinjsDocument> documents, Optional<PageCursor> next) {

    public ArticlePage {
        documents = List.copyOf(documents);
    }
}
