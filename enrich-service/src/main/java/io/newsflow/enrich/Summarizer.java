package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        // Counts in int cells, not boxed: this runs on every word of every article.
        Map<String, int[]> frequency = new HashMap<>();
        List<List<String>> words = new ArrayList<>();
        for (List<AnalyzedText.Word> sentence : text.sentences) {
            List<String> content = contentWords(sentence);
            words.add(content);
            for (String word : content) {
                frequency.computeIfAbsent(word, k -> new int[1])[0]++;
            }
        }
        Integer[] order = new Integer[sentences.size()];
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            double sum = 0;
            for (String word : words.get(i)) {
                int count = frequency.get(word)[0];
                sum += count > 1 ? count : 0;
            }
            scores[i] = sum / Math.sqrt(Math.max(1, words.get(i).size())) * (i == 0 ? 1.5 : 1.0);
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

    private static List<String> contentWords(List<AnalyzedText.Word> sentence) {
        List<String> content = new ArrayList<>();
        for (AnalyzedText.Word word : sentence) {
            if (word.isContent()) {
                content.add(word.lower());
            }
        }
        return content;
    }
}
