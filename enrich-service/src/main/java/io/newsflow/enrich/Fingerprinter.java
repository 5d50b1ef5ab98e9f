package io.newsflow.enrich;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle.Fingerprints;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Fingerprints of an article: SHA-256 of headline and body (versioning: any change is a new version), SHA-256 of the
 * normalized body (exact duplicates whatever the headline or spacing), and a 64-bit SimHash of the body's word
 * 3-shingles (near duplicates: a few bits apart). SimHash from hash4j.
 */
final class Fingerprinter {

    private static final SimilarityHashPolicy SIMHASH = SimilarityHashing.simHash(64);
    private static final Hasher64 SHINGLE_HASH = Hashing.komihash5_0();
    private static final int SHINGLE = 3;

    Fingerprints of(String headline, String body) {
        String normalized = body.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return new Fingerprints(
                ArticleIds.sha256Hex(headline + "\n\n" + body),
                ArticleIds.sha256Hex(normalized),
                HexFormat.of().formatHex(simHash(normalized)));
    }

    static byte[] simHash(String normalizedText) {
        String[] words = normalizedText.split("[^\\p{L}\\p{N}]+");
        List<Long> shingles = new ArrayList<>();
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            shingles.add(SHINGLE_HASH.hashCharsToLong(String.join(" ", List.of(words).subList(i, i + SHINGLE))));
        }
        if (shingles.isEmpty()) {
            shingles.add(SHINGLE_HASH.hashCharsToLong(normalizedText));
        }
        return SIMHASH.createHasher().compute(ElementHashProvider.ofCollection(shingles, Long::longValue));
    }

    /** Bits in which two SimHashes differ: 0 for the same text, a few for near duplicates. */
    static int distance(String simHashA, String simHashB) {
        return Long.bitCount(HexFormat.fromHexDigitsToLong(simHashA) ^ HexFormat.fromHexDigitsToLong(simHashB));
    }
}
