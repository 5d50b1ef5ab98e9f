package io.newsflow.enrich;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsflow.contract.EnrichedArticle.Fingerprints;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Fingerprints of an article: SHA-256 of headline and body (versioning: any change is a new version), SHA-256 of the
 * normalized body (its words in lower case: exact duplicates whatever the headline, case, spacing or punctuation),
 * and a 64-bit SimHash of the body's word 3-shingles (near duplicates: a few bits apart). SimHash from hash4j (its FastSimHash: the same signature
 * distribution as SimHash, computed faster).
 */
final class Fingerprinter {

    private static final SimilarityHashPolicy SIMHASH = SimilarityHashing.fastSimHash(64);
    private static final Hasher64 SHINGLE_HASH = Hashing.komihash5_0();
    private static final int SHINGLE = 3;
    private static final byte[] SEPARATOR = "\n\n".getBytes(StandardCharsets.UTF_8);

    /** Fingerprints of an article from its headline, body and the body's words (found once, in {@link AnalyzedText}). */
    Fingerprints of(String headline, String body, List<List<AnalyzedText.Word>> bodyWords) {
        MessageDigest content = sha256();
        content.update(headline.getBytes(StandardCharsets.UTF_8));
        content.update(SEPARATOR);
        content.update(body.getBytes(StandardCharsets.UTF_8));
        NormalizedWords words = NormalizedWords.of(bodyWords);
        return new Fingerprints(
                HexFormat.of().formatHex(content.digest()),
                HexFormat.of().formatHex(sha256().digest(words.text.getBytes(StandardCharsets.UTF_8))),
                HexFormat.of().formatHex(simHash(words)));
    }

    /**
     * The body as its words in lower case, one space apart (case, spacing and punctuation do not make a different
     * text), with each word's hash.
     */
    private record NormalizedWords(String text, long[] hashes, int count) {
        static NormalizedWords of(List<List<AnalyzedText.Word>> sentences) {
            int count = 0;
            for (List<AnalyzedText.Word> sentence : sentences) {
                count += sentence.size();
            }
            long[] hashes = new long[count];
            StringBuilder text = new StringBuilder(count * 8);
            int i = 0;
            for (List<AnalyzedText.Word> sentence : sentences) {
                for (AnalyzedText.Word word : sentence) {
                    if (i > 0) {
                        text.append(' ');
                    }
                    text.append(word.lower());
                    hashes[i++] = SHINGLE_HASH.hashCharsToLong(word.lower());
                }
            }
            return new NormalizedWords(text.toString(), hashes, count);
        }
    }

    private static byte[] simHash(NormalizedWords words) {
        if (words.count < SHINGLE) {
            return SIMHASH.createHasher().compute(ElementHashProvider.ofValues(
                    SHINGLE_HASH.hashCharsToLong(words.text)));
        }
        long[] hashes = words.hashes;
        long[] shingles = new long[words.count - SHINGLE + 1];
        for (int i = 0; i < shingles.length; i++) {
            // A shingle's hash from its words' hashes: position-dependent, so "a b c" and "c b a" differ.
            shingles[i] = mix(mix(hashes[i] * 0x9E3779B97F4A7C15L + hashes[i + 1]) * 0x9E3779B97F4A7C15L
                    + hashes[i + 2]);
        }
        return SIMHASH.createHasher().compute(ElementHashProvider.ofValues(shingles));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
