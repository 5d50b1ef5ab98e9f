package io.newsflow.publish;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a reader of news.published stands: for each partition, the offset of the next record to read. It is the
 * {@code id} of every {@code /stream} event, written {@code 0:15,1:7,2:3} (partition:offset, by partition), so a
 * client that reconnects with {@code Last-Event-ID} resumes right after the last event it received: a per-partition
 * position is exact where a single number or a timestamp is not. Only digits, ':' and ',' ever appear in it, so it
 * cannot carry a line break into the event stream.
 */
public record FeedPosition(SortedMap<Integer, Long> offsets) {

    /** More partitions than newsflow ever creates (NEWSFLOW_TOPIC_PARTITIONS allows up to 10 000). */
    static final int MAX_PARTITIONS = 10_000;
    private static final Pattern FORMAT = Pattern.compile("\\d{1,10}:\\d{1,19}(,\\d{1,10}:\\d{1,19})*");

    public FeedPosition {
        offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
        offsets.forEach((partition, offset) -> {
            if (partition < 0 || offset < 0) {
                throw new IllegalArgumentException("partitions and offsets are never negative: " + partition
                        + ":" + offset);
            }
        });
    }

    public static FeedPosition of(Map<Integer, Long> offsets) {
        return new FeedPosition(new TreeMap<>(offsets));
    }

    /**
     * Reads an event id as sent by {@link #toEventId()}.
     *
     * @throws IllegalArgumentException with a message saying what a valid one looks like
     */
    public static FeedPosition parse(String eventId) {
        if (eventId == null || eventId.length() > MAX_PARTITIONS * 32 || !FORMAT.matcher(eventId).matches()) {
            throw malformed(eventId, "expected partition:offset pairs separated by commas, e.g. 0:15,1:7,2:3");
        }
        TreeMap<Integer, Long> offsets = new TreeMap<>();
        for (String pair : eventId.split(",")) {
            int colon = pair.indexOf(':');
            long partition = Long.parseLong(pair.substring(0, colon));
            long offset;
            try {
                offset = Long.parseLong(pair.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw malformed(eventId, "offset " + pair.substring(colon + 1) + " is too large");
            }
            if (partition >= MAX_PARTITIONS) {
                throw malformed(eventId, "partition " + partition + " is out of range");
            }
            if (offsets.put((int) partition, offset) != null) {
                throw malformed(eventId, "partition " + partition + " appears twice");
            }
        }
        return new FeedPosition(offsets);
    }

    /** The position after the record at {@code offset} of {@code partition}. */
    public FeedPosition after(int partition, long offset) {
        TreeMap<Integer, Long> next = new TreeMap<>(offsets);
        next.put(partition, offset + 1);
        return new FeedPosition(next);
    }

    /** The next offset to read in {@code partition}, if this position names it. */
    public Long offset(int partition) {
        return offsets.get(partition);
    }

    public String toEventId() {
        StringBuilder id = new StringBuilder();
        offsets.forEach((partition, offset) -> {
            if (!id.isEmpty()) {
                id.append(',');
            }
            id.append(partition).append(':').append(offset);
        });
        return id.toString();
    }

    @Override
    public String toString() {
        return toEventId();
    }

    private static IllegalArgumentException malformed(String eventId, String why) {
        String shown = eventId == null ? "" : eventId.length() > 80 ? eventId.substring(0, 80) + "…" : eventId;
        return new IllegalArgumentException("Last-Event-ID '" + shown + "' is not a feed position: " + why);
    }
}
