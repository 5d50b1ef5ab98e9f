package io.newsflow.ingest;

import java.time.Instant;

/**
 * Something a newsroom system sent, before validation: the bytes and what came with them.
 *
 * @param key            the Kafka key or file name stem, may be null
 * @param value          the bytes as sent, may be null (a tombstone)
 * @param contentType    the declared media type (header or file extension), may be null
 * @param source         who sent it (header, API key, folder)
 * @param idempotencyKey the sender's id for this article, may be null
 * @param origin         where it came from, for ids and error reports: {@code topic/partition/offset} or a path
 * @param receivedAt     when it arrived
 */
public record InboundMessage(
        String key,
        byte[] value,
        String contentType,
        String source,
        String idempotencyKey,
        String origin,
        Instant receivedAt) {
}
