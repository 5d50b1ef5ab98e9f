package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StageTimesTest {

    private static final long MS = 1_000_000L;
    private static final Offset<Double> PRECISION = within(0.2);
    private static final StageTimes.Plan SERVICES = new StageTimes.Plan(List.of("ingest", "enrich", "publish"),
            List.of("news.raw", "news.enriched"));

    @Test
    void splitsEachArticlesLatencyAtTheTopicsBetweenTheStages() {
        StageTimes times = new StageTimes(SERVICES);
        times.due("a", 1_000 * MS);
        times.seen(0, "a", 1_040 * MS);
        times.seen(1, "a", 1_100 * MS);
        times.out("a", 1_250 * MS);

        List<Measurement.Stage> stages = times.latencies();
        assertThat(stages).extracting(Measurement.Stage::name).containsExactly("ingest", "enrich", "publish");
        assertThat(stages).extracting(Measurement.Stage::articles).containsExactly(1L, 1L, 1L);
        // HdrHistogram keeps 3 significant digits: 40 ms reads back as the top of its 32 µs bucket
        assertThat(stages.get(0).p50()).isCloseTo(40.0, PRECISION);
        assertThat(stages.get(1).p99()).isCloseTo(60.0, PRECISION);
        assertThat(stages.get(2).p50()).isCloseTo(150.0, PRECISION);
    }

    @Test
    void countsTheFirstSightingOnATopicOnly() {
        StageTimes times = new StageTimes(SERVICES);
        times.due("a", 0);
        times.seen(0, "a", 10 * MS);
        times.seen(0, "a", 90 * MS); // a second copy, e.g. after a retried transaction that was aborted
        times.seen(1, "a", 100 * MS);
        times.out("a", 120 * MS);

        List<Measurement.Stage> stages = times.latencies();
        assertThat(stages.get(0).p50()).isCloseTo(10.0, PRECISION);
        assertThat(stages.get(1).p50()).isCloseTo(90.0, PRECISION);
        assertThat(stages.get(2).p50()).isCloseTo(20.0, PRECISION);
    }

    @Test
    void leavesOutArticlesNotSeenAtEveryPoint() {
        StageTimes times = new StageTimes(SERVICES);
        times.due("seen-everywhere", 5 * MS);
        times.seen(0, "seen-everywhere", 15 * MS);
        times.seen(1, "seen-everywhere", 25 * MS);
        times.out("seen-everywhere", 35 * MS);
        times.due("never-out", 5 * MS);
        times.seen(0, "never-out", 15 * MS);
        times.seen(1, "never-sent", 25 * MS);
        times.out("never-sent", 35 * MS);

        assertThat(times.latencies()).extracting(Measurement.Stage::articles).containsExactly(1L, 1L, 1L);
    }

    @Test
    void refusesAPlanWithoutOneTopicBetweenEachTwoStages() {
        assertThatThrownBy(() -> new StageTimes.Plan(List.of("ingest", "enrich"), List.of()))
                .hasMessage("2 stages need 1 topics between them, not 0");
    }
}
