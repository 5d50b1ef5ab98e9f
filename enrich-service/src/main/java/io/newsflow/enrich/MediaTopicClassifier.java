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
    private static final java.util.Set<String> ELISIONS = WordSet.of("c", "d", "j", "l", "m", "n", "s", "t",
            "qu", "jusqu", "lorsqu", "puisqu", "dell", "all", "dall", "nell", "sull");

    /** A cue: its topic (an index into the topic codes), its words, whether its last word is a prefix, its weight. */
    private record Cue(int topic, String[] words, boolean prefix, int weight) {
    }

    private static final Cue[] NO_CUES = new Cue[0];

    /**
     * Cues of one language: exact cues of one word and cues of several words indexed by their (first) word, prefix
     * cues of one word in a character trie, so that the cues a word may start are found in one walk over its letters,
     * without making a string per prefix. A cue of one word depends on that word alone: it is scored once per
     * distinct word of the article, times the word's occurrences; a cue of several words, at each position.
     */
    private static final class Lexicon {
        /** By word: its exact cues of one word and the cues of several words it starts, found in one look-up. */
        final Map<String, WordCues> words = new HashMap<>();
        final PrefixNode prefixes = new PrefixNode();

        void add(Cue cue) {
            String first = cue.words()[0];
            if (cue.prefix() && cue.words().length == 1) {
                PrefixNode node = prefixes;
                for (int i = 0; i < first.length(); i++) {
                    node = node.childOrNew(first.charAt(i));
                }
                node.cues = append(node.cues, cue);
            } else {
                WordCues cues = words.computeIfAbsent(first, k -> new WordCues());
                if (cue.words().length == 1) {
                    cues.exact = append(cues.exact, cue);
                } else {
                    cues.phrases = append(cues.phrases, cue);
                }
            }
        }

        /**
         * Scores the one-word cues of a word said {@code occurrences} times: its exact cues and every prefix cue.
         * Returns the cues of several words that start with {@code word}, or null.
         */
        Cue[] scoreWord(String word, int occurrences, int[] scores) {
            WordCues cues = words.get(word);
            if (cues != null) {
                for (Cue cue : cues.exact) {
                    scores[cue.topic()] += cue.weight() * occurrences;
                }
            }
            PrefixNode node = prefixes;
            for (int i = 0; i < word.length(); i++) {
                node = node.child(word.charAt(i));
                if (node == null) {
                    break;
                }
                // A prefix cue of one word is the whole cue: the walk that reached its node has matched it.
                for (Cue cue : node.cues) {
                    scores[cue.topic()] += cue.weight() * occurrences;
                }
            }
            return cues == null || cues.phrases.length == 0 ? null : cues.phrases;
        }

        private static Cue[] append(Cue[] cues, Cue cue) {
            Cue[] more = Arrays.copyOf(cues, cues.length + 1);
            more[cues.length] = cue;
            return more;
        }
    }

    /** A word's cues in a lexicon: the cues that are that word alone, and the cues of several words it starts. */
    private static final class WordCues {
        Cue[] exact = NO_CUES;
        Cue[] phrases = NO_CUES;
    }

    /**
     * A trie node; children of the letters a-z in a table, any other character in parallel arrays sorted by
     * character: no boxing and, for most words, no search on the hot path.
     */
    private static final class PrefixNode {
        private static final int TABLE = 26;
        PrefixNode[] letters;
        char[] keys = new char[0];
        PrefixNode[] children = new PrefixNode[0];
        Cue[] cues = NO_CUES;

        PrefixNode child(char key) {
            if (key >= 'a' && key <= 'z') {
                return letters == null ? null : letters[key - 'a'];
            }
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? children[at] : null;
        }

        PrefixNode childOrNew(char key) {
            PrefixNode existing = child(key);
            if (existing != null) {
                return existing;
            }
            PrefixNode child = new PrefixNode();
            if (key >= 'a' && key <= 'z') {
                if (letters == null) {
                    letters = new PrefixNode[TABLE];
                }
                letters[key - 'a'] = child;
                return child;
            }
            int insert = -Arrays.binarySearch(keys, key) - 1;
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

    /** Topic codes in the order of topics.tsv, and their names. */
    private final List<String> codes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Lexicon> lexicons = new HashMap<>();

    MediaTopicClassifier() {
        for (String line : Resources.lines("/mediatopics/topics.tsv")) {
            String[] fields = line.split("\t");
            names.put(fields[0], fields[1]);
            codes.add(fields[0]);
        }
        for (String line : Resources.lines("/mediatopics/lexicon.tsv")) {
            String[] fields = line.split("\t");
            String cue = fields[2].toLowerCase(Locale.ROOT);
            boolean prefix = cue.endsWith("*");
            String[] words = (prefix ? cue.substring(0, cue.length() - 1) : cue).split("\\s+");
            int topic = codes.indexOf(fields[0]);
            if (topic < 0) {
                topic = codes.size(); // a code the topic list lacks: scored, and named null, as any other
                codes.add(fields[0]);
            }
            lexicons.computeIfAbsent(fields[1], k -> new Lexicon())
                    .add(new Cue(topic, words, prefix, Integer.parseInt(fields[3])));
        }
    }

    List<SubjectCode> classify(AnalyzedText text, String language) {
        int bodyWords = text.bodyWordCount();
        String[] words = new String[2 * text.headline.size() + bodyWords];
        int[] ids = new int[words.length];
        String[] forms = new String[text.vocabulary.size()];
        int n = addWords(text.headline, words, ids, forms, 0);
        // the headline says what the article is about: it counts twice
        System.arraycopy(words, 0, words, n, n);
        System.arraycopy(ids, 0, ids, n, n);
        n += n;
        for (List<AnalyzedText.Word> sentence : text.sentences) {
            n = addWords(sentence, words, ids, forms, n);
        }
        Lexicon lexicon = lexicons.getOrDefault(language, lexicons.get("en"));
        int[] scores = new int[codes.size()];
        int[] occurrences = new int[forms.length];
        for (int id : ids) {
            occurrences[id]++;
        }
        Cue[][] phrases = new Cue[forms.length][];
        for (int id = 0; id < forms.length; id++) {
            if (occurrences[id] > 0) {
                phrases[id] = lexicon.scoreWord(forms[id], occurrences[id], scores);
            }
        }
        for (int i = 0; i < words.length; i++) {
            if (phrases[ids[i]] != null) {
                for (Cue cue : phrases[ids[i]]) {
                    if (matches(words, i, cue)) {
                        scores[cue.topic()] += cue.weight();
                    }
                }
            }
        }
        int best = 0;
        for (int score : scores) {
            best = Math.max(best, score);
        }
        if (best < MIN_SCORE) {
            return List.of();
        }
        List<SubjectCode> subjects = new ArrayList<>();
        for (int topic = 0; topic < scores.length; topic++) {
            if (scores[topic] >= MIN_SCORE) {
                String code = codes.get(topic);
                SubjectCode subject = new SubjectCode(code, names.get(code), Math.round(100f * scores[topic] / best));
                if (subject.relevance() >= MIN_RELEVANCE) {
                    subjects.add(subject);
                }
            }
        }
        subjects.sort((a, b) -> b.relevance() != a.relevance() ? b.relevance() - a.relevance()
                : a.code().compareTo(b.code()));
        return List.copyOf(subjects.subList(0, Math.min(MAX_SUBJECTS, subjects.size())));
    }

    private static boolean matches(String[] words, int at, Cue cue) {
        if (at + cue.words().length > words.length) {
            return false;
        }
        int last = cue.words().length - 1;
        for (int j = 0; j < last; j++) {
            if (!words[at + j].equals(cue.words()[j])) {
                return false;
            }
        }
        String word = words[at + last];
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

    /**
     * Puts the words' lower-case forms, elisions cut, into {@code words} from {@code at}, and their numbers in the
     * article's vocabulary into {@code ids}; each distinct word's form is made once, in {@code forms}. Returns the
     * next index.
     */
    private static int addWords(List<AnalyzedText.Word> text, String[] words, int[] ids, String[] forms, int at) {
        for (AnalyzedText.Word analyzed : text) {
            String form = forms[analyzed.id()];
            if (form == null) {
                form = analyzed.lower();
                int apostrophe = apostrophe(form);
                // French and Italian elisions (l'élection, d'inflation) would hide the word from its cue.
                if (apostrophe > 0 && apostrophe <= 6 && ELISIONS.contains(form.substring(0, apostrophe))) {
                    form = form.substring(apostrophe + 1);
                }
                forms[analyzed.id()] = form;
            }
            words[at] = form;
            ids[at++] = analyzed.id();
        }
        return at;
    }
}
