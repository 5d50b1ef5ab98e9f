package io.newsflow.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Article ids and the public uri derived from them. */
public final class ArticleIds {

    /** What an id may look like: safe in a URL path, a file name and a Kafka key. */
    public static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String URI_PREFIX = "urn:newsflow:article:";

    private ArticleIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID_ID.matcher(id).matches();
    }

    /** The ninjs uri of an article: the key of {@code news.published}. */
    public static String uri(String id) {
        return URI_PREFIX + id;
    }

    /** The id inside a uri made by {@link #uri(String)}. */
    public static String idOf(String uri) {
        if (!uri.startsWith(URI_PREFIX)) {
            throw new IllegalArgumentException("not a newsflow article uri: " + uri);
        }
        return uri.substring(URI_PREFIX.length());
    }

    /** A deterministic id for content that arrived without one: the same origin always yields the same id. */
    public static String derive(String... parts) {
        return "a" + sha256Hex(String.join("\u0000", parts)).substring(0, 20);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
