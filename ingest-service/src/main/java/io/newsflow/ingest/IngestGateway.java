package io.newsflow.ingest;

import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Rejection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The door for articles that do not arrive on Kafka (HTTP requests, files): checks them as the inbound topology will,
 * so the sender hears at once what is wrong, then writes them to news.inbound and returns only once the broker has
 * acknowledged the write.
 */
public final class IngestGateway {

    /** What became of a submission: accepted under {@code id}, or rejected for {@code rejection}. */
    public record Submission(String id, Rejection rejection) {
        public boolean accepted() {
            return rejection == null;
        }
    }

    /** The broker did not acknowledge the write: nothing was accepted, the sender may retry safely. */
    public static final class BrokerUnavailable extends Exception {
        BrokerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final InboundNormalizer normalizer;
    private final ArticleWriter writer;

    public IngestGateway(InboundNormalizer normalizer, ArticleWriter writer) {
        this.normalizer = normalizer;
        this.writer = writer;
    }

    public InboundNormalizer normalizer() {
        return normalizer;
    }

    public ArticleWriter writer() {
        return writer;
    }

    /** Checks and writes one message; blocks until the broker acknowledged it. */
    public Submission submit(InboundMessage message, String traceparent) throws BrokerUnavailable {
        Outcome<RawArticle> outcome = normalizer.normalize(message);
        if (outcome instanceof Outcome.Rejected<RawArticle> rejected) {
            return new Submission(null, rejected.rejection());
        }
        RawArticle article = ((Outcome.Accepted<RawArticle>) outcome).value();
        try {
            writer.submit(message, article, traceparent)
                    .get(ArticleWriter.DELIVERY_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            return new Submission(article.id(), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
                return new Submission(null, new Rejection("too-large", "the article is too large for the Kafka "
                        + "topics (" + e.getCause().getMessage() + ")"));
            }
            throw new BrokerUnavailable("the broker did not acknowledge the article: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailable("the broker did not acknowledge the article in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable("interrupted while waiting for the broker", e);
        }
    }
}
