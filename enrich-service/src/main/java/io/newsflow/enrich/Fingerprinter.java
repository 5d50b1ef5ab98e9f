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
    private static final MessageDigest SHA256 = newSha256();

    /** Fingerprints of an article from its headline, body and the body's words (found once, in {@link AnalyzedText}). */
    Fingerprints of(String headline, String body, List<List<AnalyzedText.Word>> bodyWords) {
        MessageDigest content = sha256();
        content.update(headline.getBytes(StandardCharsets.UTF_8));
        content.update(SEPARATOR);
        content.update(body.getBytes(StandardCharsets.UTF_8));
        NormalizedWords words = NormalizedWords.of(bodyWords);
        MessageDigest normalized = sha256();
        normalized.update(words.utf8, 0, words.utf8Length);
        return new Fingerprints(
                HexFormat.of().formatHex(content.digest()),
                HexFormat.of().formatHex(normalized.digest()),
                HexFormat.of().formatHex(simHash(words)));
    }

    /**
     * The body as its words in lower case, one space apart (case, spacing and punctuation do not make a different
     * text), encoded in UTF-8 as it is written (no string of it is made), with each word's hash.
     */
    private record NormalizedWords(byte[] utf8, int utf8Length, long[] hashes, int count,
                                   List<List<AnalyzedText.Word>> sentences) {
        static NormalizedWords of(List<List<AnalyzedText.Word>> sentences) {
            int count = 0;
            int chars = 0;
            int ids = 0;
            for (List<AnalyzedText.Word> sentence : sentences) {
                count += sentence.size();
                for (AnalyzedText.Word word : sentence) {
                    chars += word.lower().length();
                    ids = Math.max(ids, word.id() + 1);
                }
            }
            // Each distinct word (by its number in the article's vocabulary) is hashed once.
            long[] hashById = new long[ids];
            boolean[] hashed = new boolean[ids];
            long[] hashes = new long[count];
            byte[] utf8 = new byte[3 * chars + count];
            int length = 0;
            int i = 0;
            for (List<AnalyzedText.Word> sentence : sentences) {
                for (AnalyzedText.Word word : sentence) {
                    if (i > 0) {
                        utf8[length++] = ' ';
                    }
                    length = encode(word.lower(), utf8, length);
                    if (length < 0) {
                        byte[] all = text(sentences).getBytes(StandardCharsets.UTF_8);
                        return new NormalizedWords(all, all.length, hashes(sentences, count), count, sentences);
                    }
                    if (!hashed[word.id()]) {
                        hashById[word.id()] = SHINGLE_HASH.hashCharsToLong(word.lower());
                        hashed[word.id()] = true;
                    }
                    hashes[i++] = hashById[word.id()];
                }
            }
            return new NormalizedWords(utf8, length, hashes, count, sentences);
        }

        /** The words one space apart, as a string. */
        String text() {
            return text(sentences);
        }

        private static String text(List<List<AnalyzedText.Word>> sentences) {
            StringBuilder text = new StringBuilder();
            for (List<AnalyzedText.Word> sentence : sentences) {
                for (AnalyzedText.Word word : sentence) {
                    if (!text.isEmpty()) {
                        text.append(' ');
                    }
                    text.append(word.lower());
                }
            }
            return text.toString();
        }

        private static long[] hashes(List<List<AnalyzedText.Word>> sentences, int count) {
            long[] hashes = new long[count];
            int i = 0;
            for (List<AnalyzedText.Word> sentence : sentences) {
                for (AnalyzedText.Word word : sentence) {
                    hashes[i++] = SHINGLE_HASH.hashCharsToLong(word.lower());
                }
            }
            return hashes;
        }

        /**
         * Writes a word's UTF-8 bytes from {@code at}; returns the end, or -1 for a surrogate (words never hold one,
         * but the JDK's encoder, which knows how to treat one alone, is then used for the whole text).
         */
        private static int encode(String word, byte[] out, int at) {
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c < 0x80) {
                    out[at++] = (byte) c;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    return -1;
                } else {
                    out[at++] = (byte) (0xE0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            return at;
        }
    }

    private static byte[] simHash(NormalizedWords words) {
        if (words.count < SHINGLE) {
            return SIMHASH.createHasher().compute(ElementHashProvider.ofValues(
                    SHINGLE_HASH.hashCharsToLong(words.text())));
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

    /** A new SHA-256 digest, cloned from a prototype never updated: cheaper than a provider look-up per article. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
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
