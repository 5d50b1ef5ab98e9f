package io.newsflow.publish;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.EntityMention;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.AltId;
import io.newsflow.contract.ninjs.NinjsDocument.Body;
import io.newsflow.contract.ninjs.NinjsDocument.Description;
import io.newsflow.contract.ninjs.NinjsDocument.Entity;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an enriched article to its public IPTC ninjs 2.x document. Pure. Media Topics become {@code subjects} with
 * {@code rel: "about"}, their URI and relevance; key phrases {@code subjects} with {@code rel: "keyword"} (ninjs 2.x
 * has no keywords property); the summary a {@code descriptions} item with role {@code summary}; fingerprints and the
 * source URL {@code altids}.
 */
public final class NinjsMapper {

    static final String MAIN = "main";
    static final String TEXT = "text/plain";

    private NinjsMapper() {
    }

    /** The last published version of an article, retracted: same content, {@code pubstatus} canceled, next version. */
    static NinjsDocument retracted(NinjsDocument last, int version, Instant now) {
        return new NinjsDocument(last.uri(), Integer.toString(version), last.type(), EnrichedArticle.CANCELED,
                last.language(), last.headlines(), last.bodies(), last.firstcreated(), timestamp(now), last.people(),
                last.organisations(), last.places(), last.subjects(), last.contentcreated(), last.embargoed(),
                last.by(), last.located(), last.descriptions(), last.altids(), last.associations());
    }

    public static NinjsDocument toNinjs(EnrichedArticle article, int version, Instant firstCreated,
                                        Instant versionCreated) {
        return new NinjsDocument(
                ArticleIds.uri(article.id()),
                Integer.toString(version),
                "text",
                "usable",
                article.language(),
                List.of(new Headline(MAIN, TEXT, article.headline())),
                List.of(new Body(MAIN, TEXT, article.body(), article.wordCount(), article.charCount())),
                timestamp(firstCreated),
                timestamp(versionCreated),
                entities(article.people()),
                entities(article.organisations()),
                entities(article.places()),
                subjects(article),
                article.publishedAt() == null ? null : timestamp(article.publishedAt()),
                article.embargoedUntil() == null ? null : timestamp(article.embargoedUntil()),
                article.byline(),
                located(article.dateline()),
                article.summary() == null || article.summary().isBlank() ? List.of()
                        : List.of(new Description("summary", TEXT, article.summary())),
                altIds(article));
    }

    private static List<Entity> entities(List<EntityMention> mentions) {
        return mentions.stream().map(mention -> new Entity(mention.name(), null, null)).toList();
    }

    private static List<Subject> subjects(EnrichedArticle article) {
        List<Subject> subjects = new ArrayList<>();
        article.subjects().forEach(topic -> subjects.add(
                new Subject(topic.name(), topic.uri(), "about", topic.relevance())));
        article.keywords().forEach(keyword -> subjects.add(new Subject(keyword, null, "keyword", null)));
        return subjects;
    }

    private static List<AltId> altIds(EnrichedArticle article) {
        List<AltId> ids = new ArrayList<>();
        if (article.fingerprints() != null && article.fingerprints().bodySha256() != null) {
            ids.add(new AltId("sha256", article.fingerprints().bodySha256()));
        }
        if (article.fingerprints() != null && article.fingerprints().simHash() != null) {
            ids.add(new AltId("simhash", article.fingerprints().simHash()));
        }
        if (article.sourceUrl() != null) {
            ids.add(new AltId("source-url", article.sourceUrl()));
        }
        return ids;
    }

    /** The place of a dateline: "KYIV (Reuters)" is located in KYIV. */
    static String located(String dateline) {
        if (dateline == null) {
            return null;
        }
        int agency = dateline.indexOf(" (");
        String place = agency > 0 ? dateline.substring(0, agency) : dateline;
        int comma = place.indexOf(',');
        return comma > 0 ? place.substring(0, comma) : place;
    }

    /** ISO 8601 in UTC to the millisecond: what feed readers parse without surprises. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
