package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;

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
        Distinct distinct = new Distinct(phrases.size());
        for (List<AnalyzedText.Word> phrase : phrases) {
            for (AnalyzedText.Word word : phrase) {
                frequency[word.id()]++;
                degree[word.id()] += phrase.size();
            }
            distinct.phrase(phrase).occurrences++;
        }
        List<Phrase> scored = new ArrayList<>();
        for (Phrase phrase : distinct.inOrder) {
            // A phrase said once with one word is rarely key: single words must recur.
            if (phrase.words.size() > 1 || phrase.occurrences > 1) {
                for (AnalyzedText.Word word : phrase.words) {
                    phrase.score += (double) degree[word.id()] / frequency[word.id()];
                }
                scored.add(phrase);
            }
        }
        List<Phrase> top = top(scored);
        List<String> keywords = new ArrayList<>(top.size());
        for (Phrase phrase : top) {
            keywords.add(phrase.display());
        }
        return List.copyOf(keywords);
    }

    /** Best score first, then most frequent first. */
    private static int compare(Phrase a, Phrase b) {
        return a.score != b.score ? Double.compare(b.score, a.score) : b.occurrences - a.occurrences;
    }

    /**
     * The first {@value #MAX_KEYWORDS} of the phrases in {@link #compare} order, equal ones in the list's order: what a
     * stable sort would put first, found without sorting them all (an article has hundreds of candidate phrases).
     */
    private static List<Phrase> top(List<Phrase> phrases) {
        Phrase[] top = new Phrase[MAX_KEYWORDS];
        int size = 0;
        for (Phrase phrase : phrases) {
            if (size == MAX_KEYWORDS && compare(top[size - 1], phrase) <= 0) {
                continue;
            }
            // After every phrase that is not worse: equal phrases keep the order they came in.
            int at = size == MAX_KEYWORDS ? size - 1 : size;
            while (at > 0 && compare(top[at - 1], phrase) > 0) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = phrase;
            size = Math.min(size + 1, MAX_KEYWORDS);
        }
        return java.util.Arrays.asList(top).subList(0, size);
    }

    /**
     * The distinct phrases in order of first occurrence. What makes two phrases the same: their words in lower case,
     * here the words' numbers in the article's vocabulary (-1 past the phrase's end; a phrase has at most
     * {@value #MAX_PHRASE_WORDS} words). An open-addressing table on those three numbers, sized once for all the
     * candidates: no key object and no map entry per candidate.
     */
    private static final class Distinct {
        final List<Phrase> inOrder = new ArrayList<>();
        /** By slot: the phrase's index in {@link #inOrder} plus one; 0 is an empty slot. */
        final int[] slots;
        final int[] keys;

        Distinct(int candidates) {
            slots = new int[Integer.highestOneBit(Math.max(2, candidates) * 2 - 1) * 2];
            keys = new int[3 * slots.length];
        }

        /** The phrase with these words, added if new. */
        Phrase phrase(List<AnalyzedText.Word> words) {
            int first = words.get(0).id();
            int second = words.size() > 1 ? words.get(1).id() : -1;
            int third = words.size() > 2 ? words.get(2).id() : -1;
            int hash = (first * 31 + second) * 31 + third;
            int mask = slots.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (slots[slot] != 0) {
                if (keys[3 * slot] == first && keys[3 * slot + 1] == second && keys[3 * slot + 2] == third) {
                    return inOrder.get(slots[slot] - 1);
                }
                slot = (slot + 1) & mask;
            }
            Phrase phrase = new Phrase(words);
            inOrder.add(phrase);
            slots[slot] = inOrder.size();
            keys[3 * slot] = first;
            keys[3 * slot + 1] = second;
            keys[3 * slot + 2] = third;
            return phrase;
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
