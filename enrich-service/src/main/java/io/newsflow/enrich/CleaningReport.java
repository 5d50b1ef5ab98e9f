package io.newsflow.enrich;

import io.newsflow.contract.EnrichedArticle.MediaReference;
import java.util.ArrayList;
import java.util.List;

/** What cleaning took out of one article: counts for provenance, media and the source link it found. Per article. */
final class CleaningReport {

    int adMarkers;
    int boilerplate;
    String sourceUrl;
    final List<MediaReference> media = new ArrayList<>();

    void media(String type, String url, String description) {
        if (url != null && !url.isBlank()) {
            media.add(new MediaReference(type, url.strip(), description == null || description.isBlank()
                    ? null : TextCleaning.normalize(description)));
        }
    }
}
