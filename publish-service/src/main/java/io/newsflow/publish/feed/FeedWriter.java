package io.newsflow.publish.feed;

/** Writes a {@link FeedPage} in one feed format. Pure: the same page always gives the same bytes (for the ETag). */
interface FeedWriter {

    /** The response's Content-Type, with its charset. */
    String mediaType();

    byte[] write(FeedPage page);
}
