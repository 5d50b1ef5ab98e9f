package io.newsflow.contract;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C Trace Context ({@code traceparent}) for articles: ingest takes the sender's header when it is valid and starts a
 * trace otherwise; the header then rides on the record through every topic (Kafka Streams forwards input headers to
 * what it produces), so one trace id follows an article from the HTTP request to news.published.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {
    }

    /** The sender's traceparent if it is well formed, else a new one (sampled). */
    public static String continueOrStart(String traceparent) {
        if (traceparent != null && VALID.matcher(traceparent.trim()).matches()) {
            return traceparent.trim();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(random.nextLong() | 1) + hex.toHexDigits(random.nextLong())
                + "-" + hex.toHexDigits(random.nextLong() | 1) + "-01";
    }

    public static boolean isValid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }
}
