package io.newsflow.publish.webhooks;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.List;

/** Small ninjs documents for webhook tests. */
final class TestArticles {

    private TestArticles() {
    }

    static NinjsDocument article(String id, String version, String language) {
        return NinjsDocument.basic("urn:newsflow:article:" + id, version, language,
                List.of(new NinjsDocument.Headline("main", "text/plain", "Headline " + id)),
                List.of(new NinjsDocument.Body("main", "text/plain", "Body of " + id + ".", 3, 12)),
                "2026-11-24T09:00:00Z", "2026-11-24T09:00:00Z");
    }
}
