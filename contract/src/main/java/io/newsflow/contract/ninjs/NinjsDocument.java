package io.newsflow.contract.ninjs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One article in IPTC ninjs 2.x, the value of {@code news.published}. Property names are ninjs' own (lower case,
 * no separators). Empty lists and absent values are left out of the JSON.
 *
 * @param uri            the article's identifier; also the record key
 * @param version        increases each time the article's content changes ("1", "2", ...)
 * @param type           always {@code text} for now
 * @param pubstatus      {@code usable}, or {@code canceled} for a retraction
 * @param language       ISO 639-1, or {@code und}
 * @param firstcreated   when newsflow first received the article (ISO 8601)
 * @param versioncreated when this version was published (ISO 8601)
 * @param contentcreated when the sender says the content was created (its publishedAt), if known
 * @param embargoed      not to be published before, if set
 * @param by             the byline
 * @param located        the dateline's place
 * @param descriptions   the summary (role {@code summary})
 * @param altids         fingerprints and the source URL (roles {@code sha256}, {@code simhash}, {@code source-url})
 * @param associations   related articles: {@code near-duplicate-of} names the earlier article this one nearly repeats
 * @see <a href="https://iptc.org/std/ninjs/">IPTC ninjs</a>; ninjs 2.x has no keywords property, so key phrases
 *      travel as {@code subjects} with {@code rel: "keyword"} beside the Media Topics ({@code rel: "about"})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NinjsDocument(
        String uri,
        String version,
        String type,
        String pubstatus,
        String language,
        List<Headline> headlines,
        List<Body> bodies,
        String firstcreated,
        String versioncreated,
        List<Entity> people,
        List<Entity> organisations,
        List<Entity> places,
        List<Subject> subjects,
        String contentcreated,
        String embargoed,
        String by,
        String located,
        List<Description> descriptions,
        List<AltId> altids,
        List<Association> associations) {

    /** A document without associations. */
    public NinjsDocument(String uri, String version, String type, String pubstatus, String language,
                         List<Headline> headlines, List<Body> bodies, String firstcreated, String versioncreated,
                         List<Entity> people, List<Entity> organisations, List<Entity> places, List<Subject> subjects,
                         String contentcreated, String embargoed, String by, String located,
                         List<Description> descriptions, List<AltId> altids) {
        this(uri, version, type, pubstatus, language, headlines, bodies, firstcreated, versioncreated, people,
                organisations, places, subjects, contentcreated, embargoed, by, located, descriptions, altids, null);
    }

    public NinjsDocument withPubstatus(String status) {
        return new NinjsDocument(uri, version, type, status, language, headlines, bodies, firstcreated, versioncreated,
                people, organisations, places, subjects, contentcreated, embargoed, by, located, descriptions, altids,
                associations);
    }

    public NinjsDocument withAssociations(List<Association> related) {
        return new NinjsDocument(uri, version, type, pubstatus, language, headlines, bodies, firstcreated,
                versioncreated, people, organisations, places, subjects, contentcreated, embargoed, by, located,
                descriptions, altids, related);
    }

    /** A document with just the foundation's fields; the rest empty. */
    public static NinjsDocument basic(String uri, String version, String language, List<Headline> headlines,
                                      List<Body> bodies, String firstcreated, String versioncreated) {
        return new NinjsDocument(uri, version, "text", "usable", language, headlines, bodies, firstcreated,
                versioncreated, null, null, null, null, null, null, null, null, null, null);
    }

    /** ninjs {@code headlines[]} item; role {@code main} is the headline. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Headline(String role, String contenttype, String value) {
    }

    /** ninjs {@code bodies[]} item; role {@code main} is the article text. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(String role, String contenttype, String value, Integer wordcount, Integer charcount) {
    }

    /** A person, organisation or place: ninjs' common {@code name}/{@code uri}/{@code rel}/{@code literal} shape. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entity(String name, String uri, String rel) {
    }

    /** ninjs {@code subjects[]} item: an IPTC Media Topic with its relevance (0-100). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Subject(String name, String uri, String rel, Integer relevance) {
    }

    /** ninjs {@code descriptions[]} item. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Description(String role, String contenttype, String value) {
    }

    /** ninjs {@code associations[]} item: another news object, by uri, with the relation as its name. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Association(String name, String uri, String type) {
    }

    /** ninjs {@code altids[]} item. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record AltId(String role, String value) {
    }

    /** The main headline's text, or null if there is none. */
    public String mainHeadline() {
        return headlines == null ? null : headlines.stream()
                .filter(h -> "main".equals(h.role())).map(Headline::value).findFirst().orElse(null);
    }

    /** The main body's text, or null if there is none. */
    public String mainBody() {
        return bodies == null ? null : bodies.stream()
                .filter(b -> "main".equals(b.role())).map(Body::value).findFirst().orElse(null);
    }
}
