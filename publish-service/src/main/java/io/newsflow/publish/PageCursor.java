package io.newsflow.publish;

import io.newsflow.contract.ninjs.NinjsDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;

/**
 * Where a page of articles ends: the last article's versioncreated and uri. The next page starts strictly after it,
 * so articles published while a reader pages through do not shift later pages (as a page number would).
 * On the wire it is opaque: base64url of {@code "<instant> <uri>"}.
 */
public record PageCursor(Instant versioncreated, String uri) {

    /** The order of every list of articles: newest first by versioncreated, then by uri so ties are stable. */
    public static final Comparator<PageCursor> NEWEST_FIRST = Comparator.comparing(PageCursor::versioncreated)
            .reversed().thenComparing(PageCursor::uri);

    static final int MAX_ENCODED_LENGTH = 512;

    /** The position of a document. An unreadable versioncreated sorts it last rather than failing the list. */
    public static PageCursor of(NinjsDocument document) {
        return new PageCursor(instantOrEpoch(document.versioncreated()),
                document.uri() == null ? "" : document.uri());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((versioncreated + " " + uri).getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String encoded) {
        BadRequest notOurs = new BadRequest("cursor '" + shorten(encoded)
                + "' is not one this API gave out: take it from a next link, or leave it out for the first page");
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw notOurs;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int space = decoded.indexOf(' ');
            if (space < 0) {
                throw notOurs;
            }
            return new PageCursor(Instant.parse(decoded.substring(0, space)), decoded.substring(space + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw notOurs;
        }
    }

    static Instant instantOrEpoch(String timestamp) {
        if (timestamp == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
