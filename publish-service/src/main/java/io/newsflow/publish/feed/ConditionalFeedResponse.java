package io.newsflow.publish.feed;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a feed so that polling readers are cheap to serve: a strong {@code ETag} (SHA-256 of the body, so any change
 * of any entry, link or filter changes it), {@code 304 Not Modified} when the reader's {@code If-None-Match} already
 * names it, {@code Vary: Accept-Encoding}, and {@code Cache-Control: public, max-age=30}: feeds are public, and readers and shared caches may reuse
 * one for 30 seconds, long enough to absorb bursts of polling, short enough that a new article shows within half a
 * minute.
 */
final class ConditionalFeedResponse {

    static final String CACHE_CONTROL = "public, max-age=30";
    /** An entity tag in an If-None-Match list: weak or strong (RFC 9110 compares them weakly there). */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?(\"[^\"]*\")");

    private ConditionalFeedResponse() {
    }

    static void send(Context ctx, String mediaType, byte[] body) {
        String etag = etag(body);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", CACHE_CONTROL);
        // Javalin gzips larger bodies for clients that accept it: shared caches must keep the two apart.
        ctx.header("Vary", "Accept-Encoding");
        // Also on a 304: a cache updates the stored response's headers from it, so none may say something else.
        ctx.contentType(mediaType);
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.result(body);
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether an If-None-Match header ({@code *} or a list of entity tags) names {@code etag}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        Matcher tags = ENTITY_TAG.matcher(ifNoneMatch);
        while (tags.find()) {
            if (tags.group(1).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
