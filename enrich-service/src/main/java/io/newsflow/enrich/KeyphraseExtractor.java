package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Key phrases by RAKE (Rose et al., 2010): candidate phrases are runs of words between stopwords and punctuation;
 * a word scores its degree over its frequency, a phrase the sum of its words. Phrases of one to three words; the
 * headline counts twice, since it says what the article is about.
 */
final class KeyphraseExtractor {

    static final int MAX_KEYWORDS = 10;
    private static final int MAX_PHRASE_WORDS = 3;

    List<String> extract(AnalyzedText text) {
        List<List<AnalyzedText.Word>> phrases = new ArrayList<>();
        candidates(text.headline, phrases);
        candidates(text.headline, phrases);
        for (List<AnalyzedText.Word> sentence : text.sentences) {
            candidates(sentence, phrases);
        }
        // Per distinct word (by its number in the article's vocabulary): occurrences in phrases, and degree.
        int[] frequency = new int[text.vocabulary.size()];
        int[] degree = new int[text.vocabulary.size()];
        Map<Key, Phrase> byKey = new LinkedHashMap<>();
        for (List<AnalyzedText.Word> phrase : phrases) {
            for (AnalyzedText.Word word : phrase) {
                frequency[word.id()]++;
                degree[word.id()] += phrase.size();
            }
            byKey.computeIfAbsent(Key.of(phrase), k -> new Phrase(phrase)).occurrences++;
        }
        List<Phrase> ranked = new ArrayList<>();
        for (Phrase phrase : byKey.values()) {
            // A phrase said once with one word is rarely key: single words must recur.
            if (phrase.words.size() > 1 || phrase.occurrences > 1) {
                for (AnalyzedText.Word word : phrase.words) {
                    phrase.score += (double) degree[word.id()] / frequency[word.id()];
                }
                ranked.add(phrase);
            }
        }
        ranked.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : b.occurrences - a.occurrences);
        List<String> keywords = new ArrayList<>(MAX_KEYWORDS);
        for (int i = 0; i < Math.min(MAX_KEYWORDS, ranked.size()); i++) {
            keywords.add(ranked.get(i).display());
        }
        return List.copyOf(keywords);
    }

    /**
     * What makes two phrases the same: their words in lower case, here the words' numbers in the article's vocabulary
     * (-1 past the phrase's end). A phrase has at most {@value #MAX_PHRASE_WORDS} words.
     */
    private record Key(int first, int second, int third) {
        static Key of(List<AnalyzedText.Word> phrase) {
            return new Key(phrase.get(0).id(), phrase.size() > 1 ? phrase.get(1).id() : -1,
                    phrase.size() > 2 ? phrase.get(2).id() : -1);
        }
    }

    /** A candidate phrase as first written, how often it occurs and its RAKE score. */
    private static final class Phrase {
        final List<AnalyzedText.Word> words;
        int occurrences;
        double score;

        Phrase(List<AnalyzedText.Word> words) {
            this.words = words;
        }

        String display() {
            StringBuilder display = new StringBuilder(words.get(0).text());
            for (int i = 1; i < words.size(); i++) {
                display.append(' ').append(words.get(i).text());
            }
            return display.toString();
        }
    }

    /**
     * Adds the sentence's candidate phrases to {@code phrases}. A phrase is a run of consecutive words, so it is kept
     * as a view of the sentence's word list ({@code [start, i)}), not copied.
     */
    private static void candidates(List<AnalyzedText.Word> words, List<List<AnalyzedText.Word>> phrases) {
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            AnalyzedText.Word word = words.get(i);
            if (word.breakBefore()) {
                flush(words, start, i, phrases);
                start = i;
            }
            if (!Character.isLetter(word.lower().charAt(0)) || word.lower().length() < 2 || word.stopword()) {
                flush(words, start, i, phrases);
                start = i + 1;
            } else if (i + 1 - start > MAX_PHRASE_WORDS) {
                start = i + 1; // too long to be a key phrase: a clause, not a name for a topic
            }
        }
        flush(words, start, words.size(), phrases);
    }

    private static void flush(List<AnalyzedText.Word> words, int start, int end,
                              List<List<AnalyzedText.Word>> phrases) {
        if (end > start) {
            phrases.add(words.subList(start, end));
        }
    }
}
