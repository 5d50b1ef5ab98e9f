package io.newsflow.publish;

import static io.newsflow.publish.ArticleFixture.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.contract.Json;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.publish.EventStreamReader.Frame;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** GET /stream on a real broker, against publish-service as it runs (exactly-once topology, read_committed). */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveStreamIT {

    private static final int PARTITIONS = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final String POSITION = "\\d+:\\d+(,\\d+:\\d+)*";

    private IsolatedPublishService publish;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start(TestKafka kafka, @TempDir Path tmp) {
        publish = new IsolatedPublishService(kafka, tmp, "stream-it", PARTITIONS);
    }

    @AfterAll
    void stop() {
        publish.close();
    }

    @Test
    void sendsEachNewArticleAndResumesExactlyAfterLastEventId() throws Exception {
        // Given a client at the end of the feed
        String batch = "resume-";
        try (EventStreamReader live = connect("/stream", null)) {
            Frame start = live.next(WAIT, "the stream's starting position");
            assertThat(start.dispatched()).as("the first frame only sets the id").isFalse();
            FeedPosition startPosition = validPosition(start.lastEventId());

            // When an article is published, then it arrives as one article event whose id is one record further
            publish.publish(article(batch + 1).headline("Zürich – naïve café, 日本語 headline").build());
            Frame first = live.dispatched(1, WAIT).get(0);
            assertThat(first.type()).isEqualTo("article");
            NinjsDocument firstDocument = Json.mapper().readValue(first.data(), NinjsDocument.class);
            assertThat(firstDocument.uri()).isEqualTo("urn:newsflow:article:" + batch + 1);
            assertThat(firstDocument.mainHeadline()).isEqualTo("Zürich – naïve café, 日本語 headline");
            assertThat(recordsBetween(startPosition, validPosition(first.lastEventId()))).isEqualTo(1);

            // And so do six more, spread over the partitions
            IntStream.rangeClosed(2, 7).forEach(n -> publish.publish(article(batch + n).headline("Story " + n).build()));
            List<Frame> received = new ArrayList<>(List.of(first));
            received.addAll(live.dispatched(6, WAIT));
            assertThat(uris(received)).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 7).mapToObj(n -> "urn:newsflow:article:" + batch + n).toList());

            // Then a client that saw the first three and reconnects gets exactly the other four
            // (?from=start is overridden by Last-Event-ID: a reconnecting browser resumes, it does not start over)
            String thirdId = received.get(2).lastEventId();
            try (EventStreamReader resumed = connect("/stream?from=start", thirdId)) {
                assertThat(resumed.next(WAIT, "the resumed position").lastEventId()).isEqualTo(thirdId);
                List<Frame> replayed = resumed.dispatched(4, WAIT);
                assertThat(uris(replayed)).containsExactlyInAnyOrderElementsOf(uris(received.subList(3, 7)));
                assertThat(resumed.more(SETTLE, Frame::dispatched)).as("events after the replay").isEmpty();
                assertThat(validPosition(replayed.get(3).lastEventId()))
                        .isEqualTo(validPosition(received.get(6).lastEventId()));
            }
            // And one that reconnects from where it started gets all seven, once each
            try (EventStreamReader resumed = connect("/stream", start.lastEventId())) {
                assertThat(uris(resumed.dispatched(7, WAIT))).containsExactlyInAnyOrderElementsOf(uris(received));
                assertThat(resumed.more(SETTLE, Frame::dispatched)).isEmpty();
            }
            // And ?from=start replays the whole topic: this run's seven articles and whatever other tests published
            try (EventStreamReader all = connect("/stream?from=start", null)) {
                FeedPosition beginning = validPosition(all.next(WAIT, "the beginning").lastEventId());
                assertThat(beginning.offsets().values()).allMatch(offset -> offset == 0);
                List<Frame> everything = new ArrayList<>();
                everything.addAll(all.dispatched(7, WAIT));
                everything.addAll(all.more(SETTLE, Frame::dispatched));
                assertThat(uris(everything)).containsAll(uris(received)).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void anArticleCannotInjectEventsOrFields() throws Exception {
        String hostile = "Breaking\n\nevent: evil\ndata: x\r\rid: 666\r\n\r\nretry: 1\n: comment\u0000 end";
        try (EventStreamReader live = connect("/stream", null)) {
            live.next(WAIT, "the stream's starting position");
            publish.publish(article("hostile-sse").headline(hostile).body(hostile).summary(hostile)
                    .people("Mallory\n\nevent: evil").build());

            Frame only = live.dispatched(1, WAIT).get(0);
            assertThat(only.type()).isEqualTo("article");
            assertThat(only.lastEventId()).matches(POSITION);
            assertThat(only.data()).doesNotContain("\n", "\r");
            NinjsDocument document = Json.mapper().readValue(only.data(), NinjsDocument.class);
            assertThat(document.mainHeadline()).isEqualTo(hostile);
            assertThat(document.mainBody()).isEqualTo(hostile);
            assertThat(document.descriptions().get(0).value()).isEqualTo(hostile);
            assertThat(document.people().get(0).name()).isEqualTo("Mallory\n\nevent: evil");
            assertThat(live.more(SETTLE, frame -> frame.dispatched() || !frame.lastEventId().matches(POSITION)))
                    .as("frames the article's text made").isEmpty();
        }
    }

    @Test
    void closesTheConsumerWhenTheClientGoesAway() throws Exception {
        // A second stream on the same topic whose heartbeat (how a vanished client is noticed) is quick
        LiveStream stream = new LiveStream(publish.settings.kafka(), publish.topics.published(),
                Duration.ofMillis(200), LiveStream.MAX_STREAMS);
        try (PublishHttpServer server = new PublishHttpServer(new NoArticles(), List.of(stream))
                .start("127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/stream");
            EventStreamReader client = new EventStreamReader(http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body());
            client.next(WAIT, "the stream's starting position");
            await().atMost(Duration.ofSeconds(5)).until(() -> client.comments() >= 2);
            assertThat(stream.openStreams()).isEqualTo(1);

            client.close();

            await().atMost(Duration.ofSeconds(10)).until(() -> stream.openStreams() == 0);
        }
    }

    private EventStreamReader connect(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(publish.uri(path)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return new EventStreamReader(response.body());
    }

    /** Parses an event id, checking it names every partition of the topic. */
    private static FeedPosition validPosition(String id) {
        assertThat(id).matches(POSITION);
        FeedPosition position = FeedPosition.parse(id);
        assertThat(position.offsets().keySet()).containsExactly(0, 1, 2);
        return position;
    }

    private static long recordsBetween(FeedPosition from, FeedPosition to) {
        return to.offsets().entrySet().stream().mapToLong(e -> e.getValue() - from.offset(e.getKey())).sum();
    }

    private static List<String> uris(List<Frame> frames) throws Exception {
        List<String> uris = new ArrayList<>();
        for (Frame frame : frames) {
            uris.add(Json.mapper().readTree(frame.data()).get("uri").asText());
        }
        return uris;
    }
}
