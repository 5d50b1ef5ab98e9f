package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.HashMap;
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
        List<List<String>> phrases = new ArrayList<>();
        candidates(text.headline, phrases);
        candidates(text.headline, phrases);
        for (List<AnalyzedText.Word> sentence : text.sentences) {
            candidates(sentence, phrases);
        }
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        for (List<String> phrase : phrases) {
            for (String word : phrase) {
                frequency.merge(word, 1, Integer::sum);
                degree.merge(word, phrase.size(), Integer::sum);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, String> display = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (List<String> phrase : phrases) {
            String key = String.join(" ", phrase).toLowerCase(Locale.ROOT);
            double score = phrase.stream().mapToDouble(w -> (double) degree.get(w) / frequency.get(w)).sum();
            scores.put(key, score);
            display.putIfAbsent(key, String.join(" ", phrase));
            occurrences.merge(key, 1, Integer::sum);
        }
        // A phrase said once with one word is rarely key: require repetition for single words.
        return scores.entrySet().stream()
                .filter(e -> e.getKey().contains(" ") || occurrences.get(e.getKey()) > 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(e -> -occurrences.get(e.getKey())))
                .limit(MAX_KEYWORDS)
                .map(e -> display.get(e.getKey()))
                .toList();
    }

    private static void candidates(List<AnalyzedText.Word> words, List<List<String>> phrases) {
        List<String> current = new ArrayList<>();
        for (AnalyzedText.Word word : words) {
            if (word.breakBefore()) {
                flush(current, phrases);
            }
            if (!Character.isLetter(word.lower().charAt(0)) || word.lower().length() < 2 || word.stopword()) {
                flush(current, phrases);
            } else {
                current.add(word.text());
                if (current.size() > MAX_PHRASE_WORDS) {
                    current.clear(); // too long to be a key phrase: a clause, not a name for a topic
                }
            }
        }
        flush(current, phrases);
    }

    static String withoutPossessive(String word) {
        return word.length() > 2 && word.charAt(word.length() - 1) == 's'
                && (word.charAt(word.length() - 2) == '\'' || word.charAt(word.length() - 2) == '’')
                ? word.substring(0, word.length() - 2) : word;
    }

    private static void flush(List<String> current, List<List<String>> phrases) {
        if (!current.isEmpty()) {
            phrases.add(List.copyOf(current));
            current.clear();
        }
    }
}
