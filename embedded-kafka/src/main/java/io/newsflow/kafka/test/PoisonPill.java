package io.newsflow.kafka.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values no newsflow service can take, as a producer outside newsflow might send them to any topic a service reads.
 * The same list is sent to every input topic by the services' poison-pill tests; each names the record it makes by
 * its key, {@code pill-NAME}.
 */
public enum PoisonPill {

    /** JSON with a Latin-1 byte in a string: not UTF-8. */
    NON_UTF8(concat("{\"id\":\"caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
            "\",\"body\":\"Body\"}".getBytes(StandardCharsets.US_ASCII))),
    /** A JSON object cut off in the middle of a string. */
    TRUNCATED_JSON("{\"id\":\"pill-truncated\",\"source\":\"newsroom\",\"payload\":\"Headline\\nThe bo"
            .getBytes(StandardCharsets.UTF_8)),
    /** Objects nested {@value #DEPTH} deep under a field no reader knows (so that only the depth can refuse it). */
    DEEP_NESTING(("{\"a\":".repeat(PoisonPill.DEPTH) + "1" + "}".repeat(PoisonPill.DEPTH))
            .getBytes(StandardCharsets.UTF_8)),
    /** {@value #OVERSIZED_BYTES} bytes of valid JSON whose text does not compress (as a large article would not). */
    OVERSIZED(null),
    /** Valid JSON, but no newsflow record: an object without any field a reader needs. */
    WRONG_SHAPE("{\"headline\":[\"not\",\"an\",\"article\"],\"count\":3}".getBytes(StandardCharsets.UTF_8)),
    /** No value at all (a tombstone). */
    NULL_VALUE(null);

    public static final int DEPTH = 2_000;
    /** 25 MiB: over newsflow's 16 MiB record limit, under what its topics accept (32 MiB). */
    public static final int OVERSIZED_BYTES = 25 * 1024 * 1024;

    private final byte[] value;

    PoisonPill(byte[] value) {
        this.value = value;
    }

    /** The value to send; null for {@link #NULL_VALUE}. The array is shared: do not change it. */
    public byte[] value() {
        return this == OVERSIZED ? Oversized.VALUE : value;
    }

    /** Whether {@code other} is this pill's value, byte for byte (null for {@link #NULL_VALUE}). */
    public boolean isValue(byte[] other) {
        return java.util.Arrays.equals(value(), other);
    }

    /** The key a test sends the pill under. */
    public String key() {
        return "pill-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Every pill, in declaration order: the order the tests send them in. */
    public static List<PoisonPill> all() {
        return List.of(values());
    }

    /** Made once, on first use, and only by tests that send it. */
    private static final class Oversized {
        static final byte[] VALUE = oversized();

        private static byte[] oversized() {
            byte[] start = "{\"id\":\"pill-oversized\",\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] end = "\"}".getBytes(StandardCharsets.US_ASCII);
            byte[] value = new byte[OVERSIZED_BYTES];
            System.arraycopy(start, 0, value, 0, start.length);
            byte[] letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(
                    StandardCharsets.US_ASCII);
            SplittableRandom random = new SplittableRandom(25);
            for (int i = start.length; i < value.length - end.length; i++) {
                value[i] = letters[random.nextInt(letters.length)];
            }
            System.arraycopy(end, 0, value, value.length - end.length, end.length);
            return value;
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
