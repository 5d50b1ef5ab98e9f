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
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds duplicates across articles before anything is published. The same body (its normalized SHA-256) under a
 * second id is not published again: it goes to news.dlq naming the article it repeats, so nothing is lost silently.
 * A body whose 64-bit SimHash is within {@value #NEAR_DISTANCE} bits of an earlier article's is published with an
 * association to that article. Both checks need every article in one place, so this step runs on a single-partition
 * repartition topic; the index is a changelogged store, so it survives restarts. Near duplicates are found with four
 * 16-bit bands: two hashes within 3 bits agree on at least one band (pigeonhole), so only articles sharing a band
 * are compared.
 */
final class DuplicateScreen extends ContextualProcessor<String, EnrichedArticle, String, Object> {

    static final String INDEX = "duplicate-index";
    static final int NEAR_DISTANCE = 3;
    static final String STEP = "publish.dedupe";
    private static final int BANDS = 4;
    /** Articles remembered per band value: the most recent ones, enough for a news feed's window. */
    private static final int PER_BAND = 32;

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
            context().forward(record.withValue(new Screened(article, null, null)));
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
            for (int band = 0; band < BANDS; band++) {
                String bandKey = "band:" + band + ":" + ((hash >>> (16 * band)) & 0xFFFF);
                List<String> members = members(index.get(bandKey));
                for (String member : members) {
                    String[] idAndHash = member.split(" ", 2);
                    if (nearDuplicateOf == null && !idAndHash[0].equals(article.id())
                            && Long.bitCount(hash ^ HexFormat.fromHexDigitsToLong(idAndHash[1])) <= NEAR_DISTANCE) {
                        nearDuplicateOf = idAndHash[0];
                    }
                }
                String entry = article.id() + " " + simHash;
                members.remove(entry);
                members.add(entry);
                index.put(bandKey, String.join("\n", members.subList(Math.max(0, members.size() - PER_BAND),
                        members.size())));
            }
        }
        context().forward(record.withValue(new Screened(article, nearDuplicateOf, null)));
    }

    private static List<String> members(String stored) {
        return stored == null || stored.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(stored.split("\n")));
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
