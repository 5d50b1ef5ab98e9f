package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.Description;
import io.newsflow.contract.ninjs.NinjsDocument.Entity;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a reader asks of the published articles: filters, page size and where the page starts. {@code GET /articles}
 * and every feed parse their query parameters into one, so all lists of articles are selected the same way.
 * A filter left out (null) matches every article; given filters must all match.
 *
 * @param limit        articles per page, 1 to {@link #MAX_LIMIT} ({@code ?limit=}, default {@link #DEFAULT_LIMIT})
 * @param after        the page starts after this article ({@code ?cursor=}); null for the first page
 * @param language     the article's language, e.g. {@code de}; also matches {@code de-AT} ({@code ?language=})
 * @param subject      a Media Topic's name or code (or uri), or a key phrase ({@code ?subject=})
 * @param person       a name in the article's {@code people} ({@code ?person=})
 * @param organisation a name in its {@code organisations} ({@code ?organisation=})
 * @param place        a name in its {@code places} ({@code ?place=})
 * @param text         a substring of headline, summary or body ({@code ?q=})
 */
public record ArticleQuery(int limit, PageCursor after, String language, String subject, String person,
                           String organisation, String place, String text) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Longer filter values are not names or search words but abuse: each one is matched against every article. */
    public static final int MAX_VALUE_LENGTH = 200;

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final String MEDIA_TOPIC_QCODE = "medtop:";

    /** Every article, newest first, {@link #DEFAULT_LIMIT} at a time. */
    public static ArticleQuery all() {
        return new ArticleQuery(DEFAULT_LIMIT, null, null, null, null, null, null, null);
    }

    /**
     * Reads the query parameters of a request (as Javalin's {@code queryParamMap()} gives them). Unknown parameters
     * are ignored (cache busters, tracking); a known one given twice, empty or out of range is a {@link BadRequest}.
     */
    public static ArticleQuery parse(Map<String, List<String>> params) {
        String language = filter(params, "language");
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new BadRequest("language must be a language code such as 'en' or 'pt-BR', got '" + language + "'");
        }
        String cursor = single(params, "cursor");
        return new ArticleQuery(limit(single(params, "limit")), cursor == null ? null : PageCursor.decode(cursor),
                language, filter(params, "subject"), filter(params, "person"), filter(params, "organisation"),
                filter(params, "place"), filter(params, "q"));
    }

    /**
     * Whether the document passes every filter (the cursor and limit are not filters). A retracted (canceled) article
     * is in no list or feed: a kill takes the story down; it stays readable by id, marked canceled.
     */
    public boolean matches(NinjsDocument document) {
        return !"canceled".equals(document.pubstatus())
                && (language == null || languageMatches(document.language()))
                && (subject == null || subjectMatches(document.subjects()))
                && (person == null || named(document.people(), person))
                && (organisation == null || named(document.organisations(), organisation))
                && (place == null || named(document.places(), place))
                && (text == null || textMatches(document));
    }

    /** This query's page of {@code documents}: the matching ones after the cursor, newest first, at most limit. */
    public ArticlePage select(Collection<NinjsDocument> documents) {
        return page(documents.stream()
                .filter(this::matches)
                .filter(document -> after == null || PageCursor.NEWEST_FIRST.compare(PageCursor.of(document), after) > 0)
                .sorted((a, b) -> PageCursor.NEWEST_FIRST.compare(PageCursor.of(a), PageCursor.of(b)))
                .limit(limit + 1L)
                .toList());
    }

    /**
     * The page of {@code selected}: the matching documents after the cursor, newest first, of which there may be one
     * more than the limit (it says whether a next page exists).
     */
    public ArticlePage page(List<NinjsDocument> selected) {
        if (selected.size() <= limit) {
            return new ArticlePage(selected, Optional.empty());
        }
        List<NinjsDocument> page = selected.subList(0, limit);
        return new ArticlePage(page, Optional.of(PageCursor.of(page.get(limit - 1))));
    }

    /** The same query starting after {@code cursor} (null: from the first page). */
    public ArticleQuery startingAfter(PageCursor cursor) {
        return new ArticleQuery(limit, cursor, language, subject, person, organisation, place, text);
    }

    /**
     * This query as URL query parameters (without {@code ?}; empty when it has none), in a fixed order so the same
     * query always gives the same link.
     */
    public String queryString() {
        List<String> pairs = new ArrayList<>();
        filters().forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (limit != DEFAULT_LIMIT) {
            pairs.add("limit=" + limit);
        }
        if (after != null) {
            pairs.add("cursor=" + after.encode());
        }
        return String.join("&", pairs);
    }

    /** The filters that are set, by parameter name: for links and for saying what a feed holds. */
    public Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "language", language);
        put(filters, "subject", subject);
        put(filters, "person", person);
        put(filters, "organisation", organisation);
        put(filters, "place", place);
        put(filters, "q", text);
        return filters;
    }

    private boolean languageMatches(String documentLanguage) {
        return documentLanguage != null && (documentLanguage.equalsIgnoreCase(language)
                || documentLanguage.regionMatches(true, 0, language + "-", 0, language.length() + 1));
    }

    private boolean subjectMatches(List<Subject> subjects) {
        if (subjects == null) {
            return false;
        }
        String code = subject.regionMatches(true, 0, MEDIA_TOPIC_QCODE, 0, MEDIA_TOPIC_QCODE.length())
                ? subject.substring(MEDIA_TOPIC_QCODE.length()) : subject;
        return subjects.stream().anyMatch(s -> subject.equalsIgnoreCase(s.name())
                || s.uri() != null && (s.uri().equalsIgnoreCase(subject) || s.uri().endsWith("/" + code)));
    }

    private static boolean named(List<Entity> entities, String name) {
        return entities != null && entities.stream().anyMatch(entity -> name.equalsIgnoreCase(entity.name()));
    }

    private boolean textMatches(NinjsDocument document) {
        String needle = text.toLowerCase(Locale.ROOT);
        return contains(document.mainHeadline(), needle) || contains(document.mainBody(), needle)
                || document.descriptions() != null && document.descriptions().stream()
                        .map(Description::value).anyMatch(value -> contains(value, needle));
    }

    private static boolean contains(String haystack, String lowerCaseNeedle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }

    private static String filter(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new BadRequest(name + " must not be empty: leave it out to match every article");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new BadRequest(name + " must be at most " + MAX_VALUE_LENGTH + " characters, got "
                    + value.length());
        }
        return value.strip();
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BadRequest("give " + name + " once, got it " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value != null) {
            filters.put(name, value);
        }
    }
}
