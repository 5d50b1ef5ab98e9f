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
        List<Entity> subjects) {

    /** ninjs {@code headlines[]} item; role {@code main} is the headline. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Headline(String role, String contenttype, String value) {
    }

    /** ninjs {@code bodies[]} item; role {@code main} is the article text. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(String role, String contenttype, String value, Integer wordcount, Integer charcount) {
    }

    /** A person, organisation, place or subject: ninjs' common {@code name}/{@code uri}/{@code rel} shape. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entity(String name, String uri, String rel) {
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
