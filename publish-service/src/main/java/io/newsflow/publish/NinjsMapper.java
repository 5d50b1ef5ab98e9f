package io.newsflow.publish;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.Body;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Maps an enriched article to its public IPTC ninjs 2.x document. Pure. */
public final class NinjsMapper {

    static final String MAIN = "main";

    private NinjsMapper() {
    }

    public static NinjsDocument toNinjs(EnrichedArticle article, int version, Instant firstCreated,
                                        Instant versionCreated) {
        return new NinjsDocument(
                ArticleIds.uri(article.id()),
                Integer.toString(version),
                "text",
                "usable",
                article.language(),
                List.of(new Headline(MAIN, "text/plain", article.headline())),
                List.of(new Body(MAIN, "text/plain", article.body(), article.wordCount(), article.charCount())),
                timestamp(firstCreated),
                timestamp(versionCreated),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** ISO 8601 in UTC to the millisecond: what feed readers parse without surprises. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
