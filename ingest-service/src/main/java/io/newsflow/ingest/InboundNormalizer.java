package io.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns what a newsroom sent into the {@link RawArticle} envelope, or a rejection that says exactly what is wrong.
 * Pure: the same message always gives the same outcome, which is what makes re-processing after a crash safe.
 */
public final class InboundNormalizer {

    private final int maxBytes;

    /** @param maxBytes the largest article accepted, in bytes of UTF-8 */
    public InboundNormalizer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Outcome<RawArticle> normalize(InboundMessage message) {
        byte[] bytes = message.value();
        if (bytes == null) {
            return Outcome.rejected("null-value", "the record has no value (a tombstone); expected an article");
        }
        if (bytes.length > maxBytes) {
            return Outcome.rejected("too-large", "the article is " + bytes.length + " bytes; the limit is " + maxBytes
                    + " bytes");
        }
        Optional<String> declaredType = ContentTypes.parse(message.contentType());
        if (message.contentType() != null && declaredType.isEmpty()) {
            return Outcome.rejected("unsupported-media-type", "content type '" + message.contentType()
                    + "' is not accepted; send one of " + String.join(", ", ContentTypes.ACCEPTED));
        }
        return decodeUtf8(bytes).flatMap(text -> {
            String payload = normalizeText(text);
            if (payload.isBlank()) {
                return Outcome.rejected("empty-body", "the article is empty (nothing but white space)");
            }
            String contentType = declaredType.orElseGet(() -> sniff(payload));
            if (contentType.equals(ContentTypes.JSON)) {
                return EnvelopeValidation.validate(payload).flatMap(json -> accept(message, payload, contentType,
                        text(json, "id"), Optional.ofNullable(message.idempotencyKey())
                                .or(() -> text(json, "idempotencyKey")),
                        text(json, "source")));
            }
            return accept(message, payload, contentType, Optional.empty(),
                    Optional.ofNullable(message.idempotencyKey()), Optional.empty());
        });
    }

    /**
     * The article's id: the sender's own id (envelope {@code id}, else the record key or file name) when it is a valid
     * id, or derived from source and that id when it is not; else derived from source and idempotency key, so a retry
     * gets the same id; else derived from where the record was read (the same on reprocessing).
     */
    private Outcome<RawArticle> accept(InboundMessage message, String payload, String contentType,
                                       Optional<String> envelopeId, Optional<String> idempotencyKey,
                                       Optional<String> envelopeSource) {
        String source = Optional.ofNullable(message.source()).or(() -> envelopeSource).orElse("unknown");
        Optional<String> senderId = envelopeId.or(() -> Optional.ofNullable(message.key()));
        String id = senderId.map(given -> ArticleIds.isValid(given) ? given : ArticleIds.derive(source, given))
                .or(() -> idempotencyKey.map(key -> ArticleIds.derive(source, "idempotency-key", key)))
                .orElseGet(() -> ArticleIds.derive(message.origin()));
        return Outcome.accepted(new RawArticle(id, source, message.receivedAt(), contentType, payload, 0,
                idempotencyKey.orElse(null)));
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText().trim()) : Optional.empty();
    }

    private static Outcome<String> decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return Outcome.accepted(decoder.decode(buffer).toString());
        } catch (CharacterCodingException e) {
            return Outcome.rejected("invalid-utf8", "the article is not valid UTF-8 (bad byte near offset "
                    + buffer.position() + "); send UTF-8 text");
        }
    }

    /** Drops a byte-order mark and makes every line end in \n; the text itself is left as sent. */
    static String normalizeText(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The type of content sent without a declared type: JSON objects and markup are recognizable, the rest is text. */
    static String sniff(String payload) {
        String start = payload.stripLeading();
        if (start.startsWith("{")) {
            return ContentTypes.JSON;
        }
        if (start.startsWith("<") || start.matches("(?s)^\\[ad_\\d+]\\s*<.*")) {
            return ContentTypes.HTML;
        }
        return ContentTypes.TEXT;
    }
}
