package io.newsflow.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * enrich's output on {@code news.enriched}: the clean article with its metadata.
 *
 * @param id                 the article id (same as on {@code news.raw})
 * @param source             who sent it
 * @param receivedAt         when ingest took it in
 * @param headline           the headline, cleaned
 * @param paragraphs         the body, one paragraph per element, in order, without markers or boilerplate
 * @param lede               the body's first sentence (its opening, what a summary line starts from)
 * @param byline             "NAME" of a "By NAME" line or the envelope's author, or null
 * @param dateline           "CITY (Agency)" that opened the body, or null
 * @param sourceUrl          where the article was taken from (envelope url, or a trailing "Source" link), or null
 * @param media              images and embeds referenced by the article (not part of its text)
 * @param language           ISO 639-1 code, or {@code und} when the detector is unsure
 * @param languageConfidence the detector's confidence in {@code language}, 0..1
 * @param wordCount          words in the body
 * @param charCount          characters in the body (paragraphs joined by a blank line)
 * @param readingTimeMinutes minutes to read the body at 230 words a minute, at least 1
 * @param people             named people with their mention counts, most mentioned first
 * @param organisations      named organisations with their mention counts
 * @param places             named places with their mention counts
 * @param keywords           up to 10 key phrases, best first
 * @param subjects           IPTC Media Topics with relevance 0-100, best first
 * @param summary            1-3 sentences taken from the body, in their order
 * @param publishedAt        when the sender says it was published (envelope), or null
 * @param embargoedUntil     not to be published before (envelope), or null
 * @param extra              envelope fields newsflow does not know, as sent; empty when none
 * @param pubstatus          {@code usable}, or {@code canceled} for a retraction request (envelope {@code pubstatus}):
 *                           then the text is empty and publish republishes the article as canceled
 * @param fingerprints       hashes for versioning and duplicate detection
 * @param provenance         what enrich did and when
 */
public record EnrichedArticle(
        String id,
        String source,
        Instant receivedAt,
        String headline,
        List<String> paragraphs,
        String lede,
        String byline,
        String dateline,
        String sourceUrl,
        List<MediaReference> media,
        String language,
        double languageConfidence,
        int wordCount,
        int charCount,
        int readingTimeMinutes,
        List<EntityMention> people,
        List<EntityMention> organisations,
        List<EntityMention> places,
        List<String> keywords,
        List<SubjectCode> subjects,
        String summary,
        Instant publishedAt,
        Instant embargoedUntil,
        Map<String, JsonNode> extra,
        String pubstatus,
        Fingerprints fingerprints,
        Provenance provenance) {

    public static final String UNDETERMINED_LANGUAGE = "und";
    public static final String USABLE = "usable";
    public static final String CANCELED = "canceled";

    public EnrichedArticle {
        paragraphs = List.copyOf(paragraphs);
        media = media == null ? List.of() : List.copyOf(media);
        people = people == null ? List.of() : List.copyOf(people);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        places = places == null ? List.of() : List.copyOf(places);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        extra = extra == null ? Map.of() : copyInOrder(extra);
        pubstatus = pubstatus == null ? USABLE : pubstatus;
    }

    /** A request to retract (kill) article {@code id}: no text, {@code pubstatus} canceled. */
    public static EnrichedArticle retraction(String id, String source, Instant receivedAt, Provenance provenance) {
        return new EnrichedArticle(id, source, receivedAt, "", List.of(), null, null, null, null, null,
                UNDETERMINED_LANGUAGE, 0, 0, 0, 0, null, null, null, null, null, null, null, null, Map.of(), CANCELED,
                new Fingerprints(null, null, null), provenance);
    }

    public EnrichedArticle withFingerprints(Fingerprints hashes) {
        return new EnrichedArticle(id, source, receivedAt, headline, paragraphs, lede, byline, dateline, sourceUrl,
                media, language, languageConfidence, wordCount, charCount, readingTimeMinutes, people, organisations,
                places, keywords, subjects, summary, publishedAt, embargoedUntil, extra, pubstatus, hashes, provenance);
    }

    public EnrichedArticle withEmbargoedUntil(Instant until) {
        return new EnrichedArticle(id, source, receivedAt, headline, paragraphs, lede, byline, dateline, sourceUrl,
                media, language, languageConfidence, wordCount, charCount, readingTimeMinutes, people, organisations,
                places, keywords, subjects, summary, publishedAt, until, extra, pubstatus, fingerprints, provenance);
    }

    public boolean isRetraction() {
        return CANCELED.equals(pubstatus);
    }

    /**
     * The record as it was before {@code extra}: no unknown envelope fields. Kept so that callers written against
     * the old shape (contract's serde test, publish-service's tests) still compile; Jackson uses the canonical
     * constructor, not this one.
     */
    public EnrichedArticle(String id, String source, Instant receivedAt, String headline, List<String> paragraphs,
                           String lede, String byline, String dateline, String sourceUrl, List<MediaReference> media,
                           String language, double languageConfidence, int wordCount, int charCount,
                           int readingTimeMinutes, List<EntityMention> people, List<EntityMention> organisations,
                           List<EntityMention> places, List<String> keywords, List<SubjectCode> subjects,
                           String summary, Instant publishedAt, Instant embargoedUntil, Fingerprints fingerprints,
                           Provenance provenance) {
        this(id, source, receivedAt, headline, paragraphs, lede, byline, dateline, sourceUrl, media, language,
                languageConfidence, wordCount, charCount, readingTimeMinutes, people, organisations, places, keywords,
                subjects, summary, publishedAt, embargoedUntil, Map.of(), USABLE, fingerprints, provenance);
    }

    /**
     * Unmodifiable and in the sender's order (Map.copyOf would shuffle it, so the same article would serialize
     * differently from run to run). Values are deep copies because JSON nodes are mutable; a Java null becomes
     * JSON null.
     */
    private static Map<String, JsonNode> copyInOrder(Map<String, JsonNode> extra) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        extra.forEach((name, value) -> copy.put(name, value == null ? NullNode.getInstance() : value.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * An article with text and nothing else known: no entities, subjects, envelope metadata or extra fields. For
     * producers and tests that have only the text.
     */
    public static EnrichedArticle basic(String id, String source, Instant receivedAt, String headline,
                                        List<String> paragraphs, String contentHash) {
        return new EnrichedArticle(id, source, receivedAt, headline, paragraphs, null, null, null, null, null,
                UNDETERMINED_LANGUAGE, 0, 0, 0, 0, null, null, null, null, null, null, null, null, Map.of(), USABLE,
                new Fingerprints(contentHash, null, null), null);
    }

    /** The body as one text: paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }

    /** The hash that tells a correction from a redelivery: headline and body. */
    public String contentHash() {
        return fingerprints.contentHash();
    }

    /** A named entity and how often the article mentions it. */
    public record EntityMention(String name, int mentions) {
    }

    /** An image or embed the article references; its alt text or caption is not article text. */
    public record MediaReference(String type, String url, String description) {
    }

    /**
     * An IPTC Media Topic.
     *
     * @param code      the topic's code, e.g. {@code 11000000}
     * @param name      its English name, e.g. {@code politics}
     * @param relevance 0-100
     */
    public record SubjectCode(String code, String name, int relevance) {
        public String uri() {
            return "http://cv.iptc.org/newscodes/mediatopic/" + code;
        }
    }

    /**
     * @param contentHash SHA-256 (hex) of headline and body: equal content, equal hash
     * @param bodySha256  SHA-256 (hex) of the normalized body (its words in lower case, one space apart): exact duplicates
     * @param simHash     64-bit SimHash (hex) of the body's word shingles: near duplicates differ in few bits
     */
    public record Fingerprints(String contentHash, String bodySha256, String simHash) {
    }

    /**
     * @param enricher          name and version of the enricher that made this record
     * @param adMarkersRemoved  ad markers and shortcodes taken out
     * @param boilerplateRemoved ad containers, labels, share prompts and other boilerplate blocks taken out
     * @param receivedAt        stage timestamp: ingest
     * @param enrichedAt        stage timestamp: enrich
     */
    public record Provenance(String enricher, int adMarkersRemoved, int boilerplateRemoved, Instant receivedAt,
                             Instant enrichedAt) {
    }
}
