package io.newsflow.enrich;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.EnrichedArticle.Fingerprints;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Fingerprints of an article: SHA-256 of headline and body (versioning: any change is a new version), SHA-256 of the
 * normalized body (exact duplicates whatever the headline or spacing), and a 64-bit SimHash of the body's word
 * 3-shingles (near duplicates: a few bits apart). SimHash from hash4j (its FastSimHash: the same signature
 * distribution as SimHash, computed faster).
 */
final class Fingerprinter {

    private static final SimilarityHashPolicy SIMHASH = SimilarityHashing.fastSimHash(64);
    private static final Hasher64 SHINGLE_HASH = Hashing.komihash5_0();
    private static final int SHINGLE = 3;

    Fingerprints of(String headline, String body) {
        String normalized = TextCleaning.normalize(body.toLowerCase(Locale.ROOT));
        return new Fingerprints(
                ArticleIds.sha256Hex(headline + "\n\n" + body),
                ArticleIds.sha256Hex(normalized),
                HexFormat.of().formatHex(simHash(normalized)));
    }

    static byte[] simHash(String normalizedText) {
        long[] words = wordHashes(normalizedText);
        if (words.length < SHINGLE) {
            return SIMHASH.createHasher().compute(ElementHashProvider.ofValues(
                    SHINGLE_HASH.hashCharsToLong(normalizedText)));
        }
        long[] shingles = new long[words.length - SHINGLE + 1];
        for (int i = 0; i < shingles.length; i++) {
            // A shingle's hash from its words' hashes: position-dependent, so "a b c" and "c b a" differ.
            shingles[i] = mix(mix(words[i] * 0x9E3779B97F4A7C15L + words[i + 1]) * 0x9E3779B97F4A7C15L + words[i + 2]);
        }
        return SIMHASH.createHasher().compute(ElementHashProvider.ofValues(shingles));
    }

    private static long[] wordHashes(String text) {
        long[] hashes = new long[16];
        int count = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                if (count == hashes.length) {
                    hashes = java.util.Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = SHINGLE_HASH.hashCharsToLong(text.subSequence(start, i));
                start = -1;
            }
        }
        return java.util.Arrays.copyOf(hashes, count);
    }

    /** The finalizer of MurmurHash3: spreads every input bit over the output. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Bits in which two SimHashes differ: 0 for the same text, a few for near duplicates. */
    static int distance(String simHashA, String simHashB) {
        return Long.bitCount(HexFormat.fromHexDigitsToLong(simHashA) ^ HexFormat.fromHexDigitsToLong(simHashB));
    }
}
