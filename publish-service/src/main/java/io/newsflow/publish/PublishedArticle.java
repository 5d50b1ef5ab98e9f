package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;

/**
 * What publish remembers of an article (state store value): the hash of the content it last published, to tell a
 * correction from a redelivery, and the document itself, to serve it over HTTP.
 */
public record PublishedArticle(String contentHash, NinjsDocument document) {

    public int version() {
        return Integer.parseInt(document.version());
    }
}
