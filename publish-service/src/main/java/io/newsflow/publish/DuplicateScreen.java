package io.newsflow.publish;

import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.Json;
import io.newsflow.contract.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds duplicates across articles before anything is published. The same body (its normalized SHA-256) under a
 * second id is not published again: it goes to news.dlq naming the article it repeats, so nothing is lost silently.
 * A body whose 64-bit SimHash is within {@value #NEAR_DISTANCE} bits of an earlier article's is published with an
 * association to that article. Both checks need every article in one place, so this step runs on a single-partition
 * repartition topic; the index is a changelogged store, so it survives restarts. Near duplicates are found with four
 * 16-bit bands: two hashes within 3 bits agree on at least one band (pigeonhole), so only articles sharing a band
 * are compared. Each article has one small index entry per band, keyed by band value and arrival (its offset on the
 * single partition, so a prefix scan reads a band's members oldest first): an article costs four short changelog
 * records, where a list per band value rewritten whole cost up to {@value #PER_BAND} entries each time.
 */
final class DuplicateScreen extends ContextualProcessor<String, EnrichedArticle, String, Object> {

    static final String INDEX = "duplicate-index";
    static final int NEAR_DISTANCE = 3;
    static final String STEP = "publish.dedupe";
    private static final int BANDS = 4;
    /** Articles remembered per band value: the most recent ones, enough for a news feed's window. */
    private static final int PER_BAND = 32;

    private static final HexFormat HEX = HexFormat.of();
    private static final StringSerializer KEYS = new StringSerializer();

    private KeyValueStore<String, String> index;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        index = context.getStateStore(INDEX);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null || article.isRetraction() || article.fingerprints() == null
                || article.fingerprints().bodySha256() == null) {
            context().forward(record.withValue(new Screened(article, null)));
            return;
        }
        String bodyKey = "sha:" + article.fingerprints().bodySha256();
        String owner = index.get(bodyKey);
        if (owner != null && !owner.equals(article.id())) {
            context().forward(record.withValue(new Duplicate(deadLetter(record))).withHeaders(headers(record, owner)));
            return;
        }
        index.put(bodyKey, article.id());
        String nearDuplicateOf = null;
        String simHash = article.fingerprints().simHash();
        if (simHash != null) {
            long hash = HexFormat.fromHexDigitsToLong(simHash);
            String arrival = HEX.toHexDigits(context().recordMetadata().orElseThrow().offset());
            for (int band = 0; band < BANDS; band++) {
                String bandPrefix = "band:" + band + ":" + HEX.toHexDigits((short) (hash >>> (16 * band))) + ":";
                String near = screenBand(bandPrefix, article.id(), hash);
                if (nearDuplicateOf == null) {
                    nearDuplicateOf = near;
                }
                index.put(bandPrefix + arrival, article.id() + " " + simHash);
            }
        }
        context().forward(record.withValue(new Screened(article, nearDuplicateOf)));
    }

    /**
     * The oldest article sharing this band value within {@value #NEAR_DISTANCE} bits, or null; forgets the article's
     * own earlier entry (a new version replaces it) and the oldest entries beyond {@value #PER_BAND}.
     */
    private String screenBand(String bandPrefix, String id, long hash) {
        String near = null;
        List<String> others = new ArrayList<>();
        List<String> forget = new ArrayList<>();
        try (KeyValueIterator<String, String> members = index.prefixScan(bandPrefix, KEYS)) {
            while (members.hasNext()) {
                KeyValue<String, String> member = members.next();
                int space = member.value.indexOf(' ');
                if (member.value.regionMatches(0, id, 0, space) && space == id.length()) {
                    forget.add(member.key);
                    continue;
                }
                others.add(member.key);
                if (near == null && Long.bitCount(hash ^ HexFormat.fromHexDigitsToLong(member.value, space + 1,
                        member.value.length())) <= NEAR_DISTANCE) {
                    near = member.value.substring(0, space);
                }
            }
        }
        forget.addAll(others.subList(0, Math.max(0, others.size() - (PER_BAND - 1))));
        forget.forEach(index::delete);
        return near;
    }

    private static byte[] deadLetter(Record<String, EnrichedArticle> record) {
        return Json.mapper().valueToTree(record.value()).toString().getBytes(StandardCharsets.UTF_8);
    }

    private org.apache.kafka.common.header.Headers headers(Record<String, EnrichedArticle> record, String owner) {
        RecordMetadata source = context().recordMetadata().orElseThrow();
        var headers = DeadLetterHeaders.forRecord(record.headers(), new Rejection("duplicate-content",
                        "the same text was already published as article " + owner), STEP, source.topic(),
                source.partition(), source.offset());
        HeaderText.put(headers, DeadLetterHeaders.ARTICLE_ID, record.value().id());
        return headers;
    }

    /** An exact duplicate, as it will stand on news.dlq: the enriched article's JSON. */
    record Duplicate(byte[] asRead) {
    }
}
