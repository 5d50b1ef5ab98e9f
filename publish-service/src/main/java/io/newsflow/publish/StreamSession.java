package io.newsflow.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.sse.SseClient;
import io.newsflow.contract.Json;
import io.newsflow.contract.ninjs.NinjsDocument;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code /stream} connection: its own consumer of news.published, already assigned and positioned, read on its
 * own thread and written to the client as {@code article} events until the client goes away or the server stops.
 * The consumer is closed when the session ends, however it ends.
 *
 * <p>Javalin's {@link SseClient} writes {@code id} and {@code event} fields as given and splits data on line breaks
 * into {@code data:} lines. So the data here is always one line of JSON (Jackson escapes every control character
 * inside strings), the event name is a constant and the id a {@link FeedPosition} (digits, ':' and ','): nothing
 * from an article can start a field of its own.
 */
final class StreamSession implements Runnable {

    static final String ARTICLE_EVENT = "article";
    /** Not dispatched by browsers (no data): it only sets their Last-Event-ID to where this connection started. */
    static final String POSITION_EVENT = "position";
    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(1);

    private final SseClient client;
    private final Consumer<byte[], byte[]> consumer;
    private final Deserializer<NinjsDocument> documents;
    private final Duration heartbeat;
    private final java.util.function.Consumer<StreamSession> onEnd;
    private final String remote;
    private volatile boolean stopping;
    private FeedPosition position;

    StreamSession(SseClient client, Consumer<byte[], byte[]> consumer, Deserializer<NinjsDocument> documents,
                  FeedPosition start, Duration heartbeat, java.util.function.Consumer<StreamSession> onEnd) {
        this.client = client;
        this.consumer = consumer;
        this.documents = documents;
        this.position = start;
        this.heartbeat = heartbeat;
        this.onEnd = onEnd;
        this.remote = client.ctx().ip();
        client.onClose(this::stop);
    }

    @Override
    public void run() {
        try {
            // A reconnect before the first article then resumes from here instead of from the (later) end.
            client.sendEvent(POSITION_EVENT, "", eventId(position));
            long lastWrite = System.nanoTime();
            Duration poll = heartbeat.compareTo(LONGEST_POLL) < 0 ? heartbeat : LONGEST_POLL;
            while (!stopping && !client.terminated()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(poll)) {
                    position = position.after(record.partition(), record.offset());
                    String json = articleJson(record);
                    if (json != null) {
                        client.sendEvent(ARTICLE_EVENT, json, eventId(position));
                        lastWrite = System.nanoTime();
                    }
                }
                if (System.nanoTime() - lastWrite >= heartbeat.toNanos()) {
                    // Keeps proxies from timing the connection out, and is how a vanished client is noticed:
                    // writing to it fails.
                    client.sendComment("heartbeat");
                    lastWrite = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // stop() interrupted the poll
        } catch (RuntimeException e) {
            LOG.warn("stream to {} ended: {}", remote, e.toString());
        } finally {
            try {
                client.close();
                consumer.close();
            } finally {
                onEnd.accept(this);
            }
        }
    }

    /** Ends the session from any thread: the poll returns at once and the consumer is closed. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /**
     * The record's ninjs document as one line of JSON, or null for a record that is not one (a tombstone, or bytes
     * some other producer wrote): skipped, but the position moves past it.
     */
    private String articleJson(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            NinjsDocument document = documents.deserialize(record.topic(), record.value());
            return oneLine(Json.mapper().writeValueAsString(document));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warn("skipping {}-{}@{} on the stream: not a ninjs document ({})", record.topic(),
                    record.partition(), record.offset(), e.toString());
            return null;
        }
    }

    static String oneLine(String json) {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalStateException("the mapper wrote a line break: the event would split");
        }
        return json;
    }

    /** Guards the one field Javalin writes unchecked that is not a constant here. */
    static String eventId(FeedPosition position) {
        String id = position.toEventId();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                throw new IllegalStateException("an event id may not contain a line break or NUL");
            }
        }
        return id;
    }
}
