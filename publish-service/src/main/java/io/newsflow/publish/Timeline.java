package io.newsflow.publish;

import java.time.Instant;

/**
 * The published articles in the order every list and feed shows them ({@link PageCursor#NEWEST_FIRST}), as a state
 * store whose keys sort that way: a page is the first entries from the reader's cursor on, instead of every article
 * read, parsed and sorted for each request (which is what the feeds did until session 7, at a cost that grew with
 * the archive). Each key maps to the article's id in {@link PublishTopology#ARTICLES_STORE}; the versioning step
 * keeps one entry per article, its latest listed version's.
 *
 * <p>A key is the position inverted so that byte order is newest first: {@code Long.MAX_VALUE} minus the epoch
 * second (19 digits), 999,999,999 minus the nanosecond (9 digits), a space, then the uri, which breaks ties in
 * ascending order as the comparator does.
 */
final class Timeline {

    static final String STORE = "published-timeline";

    private static final long LAST_NANO = 999_999_999L;

    private Timeline() {
    }

    static String key(PageCursor position) {
        Instant at = position.versioncreated();
        // Versions are stamped by the publish clock, so never before 1970; were one, it would sort with 1970's.
        long second = Math.max(0, at.getEpochSecond());
        return String.format("%019d%09d %s", Long.MAX_VALUE - second, LAST_NANO - at.getNano(), position.uri());
    }
}
