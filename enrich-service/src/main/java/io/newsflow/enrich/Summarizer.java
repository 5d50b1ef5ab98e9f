package io.newsflow.enrich;

import java.util.ArrayList;
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
        Map<String, Integer> frequency = new HashMap<>();
        List<List<String>> words = new ArrayList<>();
        for (List<AnalyzedText.Word> sentence : text.sentences) {
            List<String> content = contentWords(sentence);
            words.add(content);
            content.forEach(word -> frequency.merge(word, 1, Integer::sum));
        }
        List<Integer> order = new ArrayList<>();
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            double sum = 0;
            for (String word : words.get(i)) {
                int count = frequency.get(word);
                sum += count > 1 ? count : 0;
            }
            scores[i] = sum / Math.sqrt(Math.max(1, words.get(i).size())) * (i == 0 ? 1.5 : 1.0);
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed().thenComparing(i -> i));
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
        return String.join(" ", chosen.stream().map(sentences::get).toList());
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
