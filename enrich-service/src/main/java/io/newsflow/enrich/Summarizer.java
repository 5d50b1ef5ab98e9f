package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An extractive summary: the 1-3 sentences that carry most of the article's frequent content words, with a bonus for
 * the lede (news puts the essentials first), given in the article's order and within {@value #MAX_WORDS} words.
 */
final class Summarizer {

    static final int MAX_SENTENCES = 3;
    static final int MAX_WORDS = 90;

    String summarize(List<String> sentences, AnalyzedText text) {
        if (sentences.isEmpty()) {
            return "";
        }
        // Counts per distinct word (by its number in the article's vocabulary), not in a map: this runs on every word.
        int[] frequency = new int[text.vocabulary.size()];
        List<int[]> words = new ArrayList<>();
        for (List<AnalyzedText.Word> sentence : text.sentences) {
            int[] content = contentWords(sentence);
            words.add(content);
            for (int word : content) {
                frequency[word]++;
            }
        }
        Integer[] order = new Integer[sentences.size()];
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            double sum = 0;
            for (int word : words.get(i)) {
                int count = frequency[word];
                sum += count > 1 ? count : 0;
            }
            scores[i] = sum / Math.sqrt(Math.max(1, words.get(i).length)) * (i == 0 ? 1.5 : 1.0);
            order[i] = i;
        }
        // Best score first; equal scores in article order.
        Arrays.sort(order, (a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        List<Integer> chosen = new ArrayList<>();
        int total = 0;
        for (int i : order) {
            int length = text.sentences.get(i).size();
            if (chosen.size() == MAX_SENTENCES) {
                break;
            }
            if (total + length <= MAX_WORDS || chosen.isEmpty()) {
                chosen.add(i);
                total += length;
            }
        }
        chosen.sort(Comparator.naturalOrder());
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < chosen.size(); i++) {
            summary.append(i == 0 ? "" : " ").append(sentences.get(chosen.get(i)));
        }
        return summary.toString();
    }

    /** The numbers of the sentence's content words, in order. */
    private static int[] contentWords(List<AnalyzedText.Word> sentence) {
        int[] content = new int[sentence.size()];
        int count = 0;
        for (AnalyzedText.Word word : sentence) {
            if (word.isContent()) {
                content[count++] = word.id();
            }
        }
        return Arrays.copyOf(content, count);
    }
}
