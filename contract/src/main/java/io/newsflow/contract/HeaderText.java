package io.newsflow.contract;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka headers read and written as UTF-8 text. */
public final class HeaderText {

    private HeaderText() {
    }

    /** Sets a header, replacing any earlier one of the same name. */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The last value of a header as text, or null when absent. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
