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

    /** Adds what another report counted (a part of the same article read separately). */
    void absorb(CleaningReport other) {
        adMarkers += other.adMarkers;
        boilerplate += other.boilerplate;
        media.addAll(other.media);
        if (sourceUrl == null) {
            sourceUrl = other.sourceUrl;
        }
    }

    void media(String type, String url, String description) {
        if (url != null && !url.isBlank()) {
            media.add(new MediaReference(type, url.strip(), description == null || description.isBlank()
                    ? null : TextCleaning.normalize(description)));
        }
    }
}
