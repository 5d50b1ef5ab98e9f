package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.List;
import java.util.Optional;

/** Read access to the published articles, for the HTTP API. */
public interface ArticleQueries {

    /** The latest version of each article, newest first (by versioncreated). */
    List<NinjsDocument> latest(int limit);

    Optional<NinjsDocument> byId(String id);
}
