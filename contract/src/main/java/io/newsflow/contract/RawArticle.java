package io.newsflow.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * Ingest's normalized envelope on {@code news.raw}: one article as it arrived, validated (UTF-8, not empty) but not
 * yet cleaned.
 *
 * @param id          the article id: stable across retries and re-ingestion of the same article
 * @param source      who sent it (a drop folder, a topic, an API key's source name)
 * @param receivedAt  when ingest took it in
 * @param contentType one of {@link ContentTypes#ACCEPTED}
 * @param payload     the article text exactly as sent, decoded from UTF-8
 * @param sequence       its number among the articles of its source, from 1 (0 when not numbered: outside ingest)
 * @param idempotencyKey the sender's key for this submission (header or envelope field), or null
 */
public record RawArticle(String id, String source, Instant receivedAt, String contentType, String payload,
                         long sequence, String idempotencyKey) {

    /** An article not (yet) numbered in its source's sequence, sent without an idempotency key. */
    public RawArticle(String id, String source, Instant receivedAt, String contentType, String payload) {
        this(id, source, receivedAt, contentType, payload, 0, null);
    }

    public RawArticle withSequence(long number) {
        return new RawArticle(id, source, receivedAt, contentType, payload, number, idempotencyKey);
    }

    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(payload, "payload");
    }
}
