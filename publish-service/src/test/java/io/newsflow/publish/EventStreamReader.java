package io.newsflow.publish;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a {@code text/event-stream} the way a browser's EventSource does (HTML Living Standard, "Parsing an event
 * stream"): lines end at CRLF, LF or CR; a blank line dispatches; {@code id} sets the last event id (unless it holds
 * NUL) even when nothing is dispatched. So a test sees what a browser would, including any field an article's text
 * managed to inject.
 */
final class EventStreamReader implements AutoCloseable {

    /**
     * One block of fields up to a blank line.
     *
     * @param type        the event type ({@code message} when none was given)
     * @param data        the data, or null when the block had no data line (a browser dispatches nothing then)
     * @param lastEventId the reader's last event id after this block
     */
    record Frame(String type, String data, String lastEventId) {
        boolean dispatched() {
            return data != null;
        }
    }

    private final InputStream in;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private volatile int comments;

    EventStreamReader(InputStream in) {
        this.in = in;
        Thread thread = new Thread(this::parse, "event-stream-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next frame, or a failure naming what was awaited. */
    Frame next(Duration timeout, String awaited) throws InterruptedException {
        Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            fail("no event-stream frame within " + timeout + " while waiting for " + awaited);
        }
        return frame;
    }

    /** The next {@code count} frames that a browser would dispatch, skipping the others. */
    List<Frame> dispatched(int count, Duration timeout) throws InterruptedException {
        List<Frame> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < count) {
            long left = deadline - System.nanoTime();
            Frame frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                fail("got " + found.size() + " of " + count + " events within " + timeout + ": " + found);
            }
            if (frame.dispatched()) {
                found.add(frame);
            }
        }
        return found;
    }

    /** Every frame that arrives within {@code settle}: to show that nothing more came. */
    List<Frame> more(Duration settle, Predicate<Frame> which) throws InterruptedException {
        List<Frame> found = new ArrayList<>();
        long deadline = System.nanoTime() + settle.toNanos();
        for (long left = settle.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Frame frame = frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame != null && which.test(frame)) {
                found.add(frame);
            }
        }
        return found;
    }

    int comments() {
        return comments;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void parse() {
        String type = "";
        StringBuilder data = null;
        String lastEventId = "";
        StringBuilder line = new StringBuilder();
        boolean afterCr = false;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                if (c == '\n' && afterCr) {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                if (c != '\r' && c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String text = line.toString();
                line.setLength(0);
                if (text.isEmpty()) {
                    String dispatchedData = data == null ? null
                            : data.length() > 0 && data.charAt(data.length() - 1) == '\n'
                            ? data.substring(0, data.length() - 1) : data.toString();
                    frames.add(new Frame(type.isEmpty() ? "message" : type, dispatchedData, lastEventId));
                    type = "";
                    data = null;
                } else if (text.startsWith(":")) {
                    comments++;
                } else {
                    int colon = text.indexOf(':');
                    String field = colon < 0 ? text : text.substring(0, colon);
                    String value = colon < 0 ? "" : text.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "event" -> type = value;
                        case "data" -> (data == null ? data = new StringBuilder() : data).append(value).append('\n');
                        case "id" -> lastEventId = value.indexOf('\0') >= 0 ? lastEventId : value;
                        default -> { } // retry, and unknown fields, are ignored
                    }
                }
            }
        } catch (IOException e) {
            // the test closed the stream, or the server ended it
        }
    }
}
