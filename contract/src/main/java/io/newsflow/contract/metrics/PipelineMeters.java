package io.newsflow.contract.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;

/**
 * newsflow's own meters, on one service's registry (see {@link ServiceMetrics}); Prometheus names in the comments.
 * Meters counted inside a Kafka Streams processor count attempts: under exactly-once, a record whose transaction
 * aborts is processed (and counted) again, so these counters may run ahead of what was committed, never behind. The
 * descriptions say so where it applies.
 */
public final class PipelineMeters {

    /** {@code newsflow_articles_accepted_total}: articles ingest wrote to news.raw. */
    public static final String ACCEPTED = "newsflow.articles.accepted";
    /** {@code newsflow_articles_rejected_total{reason}}: articles ingest refused (HTTP 4xx, or dead-lettered). */
    public static final String REJECTED = "newsflow.articles.rejected";
    /** {@code newsflow_articles_enriched_total}: articles enrich wrote to news.enriched. */
    public static final String ENRICHED = "newsflow.articles.enriched";
    /** {@code newsflow_articles_published_total}: ninjs documents publish wrote to news.published. */
    public static final String PUBLISHED = "newsflow.articles.published";
    /** {@code newsflow_dead_letters_total{step}}: records this service wrote to news.dlq, by the step that failed. */
    public static final String DEAD_LETTERS = "newsflow.dead.letters";
    /** {@code newsflow_webhook_deliveries_total{outcome}}: webhook attempts, {@code delivered|retry|parked}. */
    public static final String WEBHOOK_DELIVERIES = "newsflow.webhook.deliveries";
    /** {@code newsflow_end_to_end_latency_seconds}: from an article's receipt by ingest to its publication. */
    public static final String END_TO_END_LATENCY = "newsflow.end.to.end.latency";

    private static final String ATTEMPTS = " Counted when the record is processed: under exactly-once, the records of an "
            + "aborted transaction were counted too.";

    /** What became of one webhook delivery attempt. */
    public enum WebhookOutcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** It failed and is scheduled again. */
        RETRY,
        /** It failed for the last time and went to news.dlq. */
        PARKED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters nobody reads: for code run outside a service (a test, a one-off command). */
    public static PipelineMeters unobserved() {
        return new PipelineMeters(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void accepted() {
        Counter.builder(ACCEPTED).description("Articles ingest wrote to news.raw (repeated idempotency keys are not "
                + "counted)." + ATTEMPTS).register(registry).increment();
    }

    /** @param reason the rejection's error code, e.g. {@code missing-field}, {@code too-large}, {@code unauthorized} */
    public void rejected(String reason) {
        Counter.builder(REJECTED).description("Articles ingest refused: answered 4xx over HTTP, or dead-lettered "
                + "(a file of the drop folder, a record of news.inbound)." + ATTEMPTS).tag("reason", reason)
                .register(registry).increment();
    }

    public void enriched() {
        Counter.builder(ENRICHED).description("Articles enrich wrote to news.enriched." + ATTEMPTS)
                .register(registry).increment();
    }

    public void published() {
        Counter.builder(PUBLISHED).description("ninjs documents publish wrote to news.published (new versions and "
                + "retractions; unchanged content is not republished)." + ATTEMPTS).register(registry).increment();
    }

    /** @param step the step that failed, as the dead letter's {@code newsflow.step} header names it */
    public void deadLettered(String step) {
        Counter.builder(DEAD_LETTERS).description("Records this service wrote to news.dlq, by the step that failed."
                + ATTEMPTS).tag("step", step).register(registry).increment();
    }

    public void webhookDelivery(WebhookOutcome outcome) {
        Counter.builder(WEBHOOK_DELIVERIES).description("Webhook delivery attempts by outcome: delivered (2xx), "
                + "retry (failed, scheduled again), parked (failed for the last time, dead-lettered).")
                .tag("outcome", outcome.tag()).register(registry).increment();
    }

    /**
     * Records the time from an article's receipt by ingest to its publication; a negative time (the two hosts'
     * clocks disagree) counts as zero, so that every publication is counted.
     */
    public void endToEnd(Duration latency) {
        Timer.builder(END_TO_END_LATENCY).description("From an article's receipt by ingest (receivedAt) to publish "
                        + "writing its ninjs document, embargo holds excluded." + ATTEMPTS)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }
}
