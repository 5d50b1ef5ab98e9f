package io.newsflow.enrich;

import io.newsflow.contract.EnrichedArticle.SubjectCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies an article into the 17 top-level IPTC Media Topics with a weighted cue lexicon per language
 * ({@code mediatopics/lexicon.tsv}: code, language, cue, weight 1-3; a trailing {@code *} matches a prefix). A topic's
 * relevance is its score relative to the best topic (100); topics under {@value #MIN_RELEVANCE} or with too little
 * evidence are left out.
 */
final class MediaTopicClassifier {

    static final int MIN_RELEVANCE = 35;
    private static final int MIN_SCORE = 3;
    private static final int MAX_SUBJECTS = 3;
    private static final java.util.Set<String> ELISIONS = java.util.Set.of("c", "d", "j", "l", "m", "n", "s", "t",
            "qu", "jusqu", "lorsqu", "puisqu", "dell", "all", "dall", "nell", "sull");

    private record Cue(String code, String[] words, boolean prefix, int weight) {
    }

    /**
     * Cues of one language: exact cues indexed by their first word, prefix cues in a character trie, so that the
     * cues a word may start are found in one walk over its letters, without making a string per prefix.
     */
    private static final class Lexicon {
        final Map<String, List<Cue>> byFirstWord = new HashMap<>();
        final PrefixNode prefixes = new PrefixNode();

        void add(Cue cue) {
            String first = cue.words()[0];
            if (cue.prefix() && cue.words().length == 1) {
                PrefixNode node = prefixes;
                for (int i = 0; i < first.length(); i++) {
                    node = node.childOrNew(first.charAt(i));
                }
                node.cues.add(cue);
            } else {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(cue);
            }
        }

        /** Scores the cues that may start at word {@code at}: exact first-word cues and every prefix cue it starts. */
        void score(List<String> words, int at, Map<String, Integer> scores) {
            String word = words.get(at);
            List<Cue> exact = byFirstWord.get(word);
            if (exact != null) {
                for (Cue cue : exact) {
                    scoreIfMatched(words, at, cue, scores);
                }
            }
            PrefixNode node = prefixes;
            for (int i = 0; i < word.length() && node != null; i++) {
                node = node.child(word.charAt(i));
                if (node != null) {
                    for (Cue cue : node.cues) {
                        scoreIfMatched(words, at, cue, scores);
                    }
                }
            }
        }

        private static void scoreIfMatched(List<String> words, int at, Cue cue, Map<String, Integer> scores) {
            if (matches(words, at, cue)) {
                scores.merge(cue.code(), cue.weight(), Integer::sum);
            }
        }
    }

    /** A trie node; children in parallel arrays sorted by character: no boxing on the hot path. */
    private static final class PrefixNode {
        char[] keys = new char[0];
        PrefixNode[] children = new PrefixNode[0];
        final List<Cue> cues = new ArrayList<>();

        PrefixNode child(char key) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? children[at] : null;
        }

        PrefixNode childOrNew(char key) {
            int at = Arrays.binarySearch(keys, key);
            if (at >= 0) {
                return children[at];
            }
            int insert = -at - 1;
            PrefixNode child = new PrefixNode();
            char[] newKeys = new char[keys.length + 1];
            PrefixNode[] newChildren = new PrefixNode[keys.length + 1];
            System.arraycopy(keys, 0, newKeys, 0, insert);
            System.arraycopy(children, 0, newChildren, 0, insert);
            newKeys[insert] = key;
            newChildren[insert] = child;
            System.arraycopy(keys, insert, newKeys, insert + 1, keys.length - insert);
            System.arraycopy(children, insert, newChildren, insert + 1, keys.length - insert);
            keys = newKeys;
            children = newChildren;
            return child;
        }
    }

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Lexicon> lexicons = new HashMap<>();

    MediaTopicClassifier() {
        for (String line : Resources.lines("/mediatopics/topics.tsv")) {
            String[] fields = line.split("\t");
            names.put(fields[0], fields[1]);
        }
        for (String line : Resources.lines("/mediatopics/lexicon.tsv")) {
            String[] fields = line.split("\t");
            String cue = fields[2].toLowerCase(Locale.ROOT);
            boolean prefix = cue.endsWith("*");
            String[] words = (prefix ? cue.substring(0, cue.length() - 1) : cue).split("\\s+");
            lexicons.computeIfAbsent(fields[1], k -> new Lexicon())
                    .add(new Cue(fields[0], words, prefix, Integer.parseInt(fields[3])));
        }
    }

    List<SubjectCode> classify(AnalyzedText text, String language) {
        List<String> words = new ArrayList<>();
        addWords(text.headline, words);
        addWords(text.headline, words); // the headline says what the article is about: it counts twice
        text.sentences.forEach(sentence -> addWords(sentence, words));
        Lexicon lexicon = lexicons.getOrDefault(language, lexicons.get("en"));
        Map<String, Integer> scores = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            lexicon.score(words, i, scores);
        }
        int best = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (best < MIN_SCORE) {
            return List.of();
        }
        return scores.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SCORE)
                .map(e -> new SubjectCode(e.getKey(), names.get(e.getKey()), Math.round(100f * e.getValue() / best)))
                .filter(s -> s.relevance() >= MIN_RELEVANCE)
                .sorted((a, b) -> b.relevance() != a.relevance() ? b.relevance() - a.relevance()
                        : a.code().compareTo(b.code()))
                .limit(MAX_SUBJECTS)
                .toList();
    }

    private static boolean matches(List<String> words, int at, Cue cue) {
        if (at + cue.words().length > words.size()) {
            return false;
        }
        int last = cue.words().length - 1;
        for (int j = 0; j < last; j++) {
            if (!words.get(at + j).equals(cue.words()[j])) {
                return false;
            }
        }
        String word = words.get(at + last);
        return cue.prefix() ? word.startsWith(cue.words()[last]) : word.equals(cue.words()[last]);
    }

    private static int apostrophe(String word) {
        for (int i = 0; i < word.length() && i <= 6; i++) {
            char c = word.charAt(i);
            if (c == '\'' || c == '’') {
                return i;
            }
        }
        return -1;
    }

    private static void addWords(List<AnalyzedText.Word> text, List<String> words) {
        for (AnalyzedText.Word analyzed : text) {
            String word = analyzed.lower();
            int apostrophe = apostrophe(word);
            // French and Italian elisions (l'élection, d'inflation) would hide the word from its cue.
            if (apostrophe > 0 && apostrophe <= 6 && ELISIONS.contains(word.substring(0, apostrophe))) {
                word = word.substring(apostrophe + 1);
            }
            words.add(word);
        }
    }
}
