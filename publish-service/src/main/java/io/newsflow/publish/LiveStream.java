package io.newsflow.publish;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.newsflow.contract.Problem;
import io.newsflow.contract.Topic;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code GET /stream}: news.published as Server-Sent Events, one {@code article} event per record (its ninjs JSON on
 * one line), each with the {@link FeedPosition} after it as {@code id}. {@code Last-Event-ID} resumes right after that
 * event; without it the stream starts at the end, or at the beginning with {@code ?from=start}. A comment every
 * {@link #HEARTBEAT} keeps the connection open through proxies.
 *
 * <p>Each connection gets its own consumer (assign and seek, no consumer group, read_committed so aborted
 * transactions of the exactly-once topology never show) on a thread of its own. A shared tail with per-connection
 * catch-up would save consumers, but handing a client over from its catch-up to the tail without a gap or a repeat is
 * the hard part, and a newsroom has tens of readers, not thousands: so one consumer per connection, at most
 * {@link #MAX_STREAMS} at once (then 503 with Retry-After).
 */
public final class LiveStream implements HttpRoutes {

    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final int MAX_STREAMS = 100;
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaSettings kafka;
    private final Topic<String, NinjsDocument> published;
    private final Duration heartbeat;
    private final int maxStreams;
    private final Semaphore slots;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    public LiveStream(KafkaSettings kafka, Topic<String, NinjsDocument> published) {
        this(kafka, published, HEARTBEAT, MAX_STREAMS);
    }

    LiveStream(KafkaSettings kafka, Topic<String, NinjsDocument> published, Duration heartbeat, int maxStreams) {
        this.kafka = kafka;
        this.published = published;
        this.heartbeat = heartbeat;
        this.maxStreams = maxStreams;
        this.slots = new Semaphore(maxStreams);
    }

    @Override
    public void register(Javalin app) {
        app.get("/stream", this::open);
        app.events(events -> events.serverStopping(this::stopAll));
    }

    /** Streams open now (each holds a consumer). */
    int openStreams() {
        return sessions.size();
    }

    private void open(Context ctx) {
        Start start;
        try {
            start = Start.of(ctx.header("Last-Event-ID"), ctx.queryParam("from"));
        } catch (IllegalArgumentException e) {
            PublishHttpServer.problem(ctx, Problem.of(400, "Bad Request", e.getMessage()));
            return;
        }
        if (!slots.tryAcquire()) {
            ctx.header("Retry-After", "10");
            PublishHttpServer.problem(ctx, Problem.of(503, "Service Unavailable",
                    "too many open streams (" + maxStreams + "); retry later"));
            return;
        }
        String name = "newsflow-stream-" + connections.incrementAndGet();
        KafkaConsumer<byte[], byte[]> consumer = null;
        FeedPosition position;
        try {
            consumer = new KafkaConsumer<>(kafka.consumerConfig(name, null), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            position = seek(consumer, start);
        } catch (KafkaException | IllegalStateException e) {
            if (consumer != null) {
                consumer.close();
            }
            slots.release();
            ctx.header("Retry-After", "5");
            PublishHttpServer.problem(ctx, Problem.of(503, "Service Unavailable",
                    "cannot read " + published.name() + " now (" + e.getMessage() + "); retry shortly"));
            return;
        }
        SseClient client;
        try {
            client = openEventStream(ctx);
        } catch (RuntimeException e) {
            consumer.close();
            slots.release();
            throw e;
        }
        StreamSession session = new StreamSession(client, consumer, published.valueSerde().deserializer(), position,
                heartbeat, ended -> {
                    sessions.remove(ended);
                    slots.release();
                });
        sessions.add(session);
        Thread thread = new Thread(session, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Assigns every partition of news.published and seeks each to where this client starts; returns that. */
    private FeedPosition seek(KafkaConsumer<byte[], byte[]> consumer, Start start) {
        List<TopicPartition> partitions = consumer.partitionsFor(published.name(), METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + published.name() + " does not exist yet");
        }
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long offset = start.resumeAt() == null ? null : start.resumeAt().offset(partition.partition());
            if (offset != null) {
                consumer.seek(partition, offset);
            } else if (start.resumeAt() != null || start.fromBeginning()) {
                // A partition the client's position does not name was added after it: all of it is new to them.
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seekToEnd(List.of(partition));
            }
        }
        // Partitions the position names but the topic no longer has are dropped: nothing can be read from them.
        TreeMap<Integer, Long> offsets = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            offsets.put(partition.partition(), consumer.position(partition, METADATA_TIMEOUT));
        }
        return FeedPosition.of(offsets);
    }

    /**
     * What Javalin's {@code app.sse} does before handing over an {@link SseClient}, except that it answers whatever the
     * Accept header says: Javalin's handler serves only {@code Accept: text/event-stream} exactly and leaves any
     * other request (curl's default, {@code text/event-stream, *}{@code /*}) an empty 200.
     */
    private static SseClient openEventStream(Context ctx) {
        var response = ctx.res();
        response.setStatus(200);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/event-stream");
        response.addHeader("Cache-Control", "no-cache");
        response.addHeader("X-Accel-Buffering", "no"); // nginx: pass each event on at once
        try {
            response.flushBuffer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SseClient client = new SseClient(ctx);
        client.keepAlive(); // the response stays open until the session closes the client
        return client;
    }

    private void stopAll() {
        sessions.forEach(StreamSession::stop);
    }

    /** Where a new connection starts: right after {@code resumeAt}, at the beginning, or (neither) at the end. */
    private record Start(FeedPosition resumeAt, boolean fromBeginning) {

        static Start of(String lastEventId, String from) {
            if (from != null && !from.equals("start") && !from.equals("end")) {
                throw new IllegalArgumentException("from must be 'start' or 'end', got '"
                        + (from.length() > 40 ? from.substring(0, 40) + "…" : from) + "'");
            }
            // Last-Event-ID wins: a browser reconnecting to /stream?from=start must resume, not start over.
            FeedPosition resumeAt = lastEventId == null || lastEventId.isBlank() ? null
                    : FeedPosition.parse(lastEventId.strip());
            return new Start(resumeAt, "start".equals(from));
        }
    }
}
