package io.newsflow.enrich;

import io.newsflow.contract.EnrichedArticle.SubjectCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern ELISION = Pattern.compile("^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|dell|all|dall|nell|sull)'(?=\\p{L})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N}'’\\-]*");

    private record Cue(String code, String[] words, boolean prefix, int weight) {
    }

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<Cue>> cuesByLanguage = new HashMap<>();

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
            cuesByLanguage.computeIfAbsent(fields[1], k -> new ArrayList<>())
                    .add(new Cue(fields[0], words, prefix, Integer.parseInt(fields[3])));
        }
    }

    List<SubjectCode> classify(String headline, List<String> paragraphs, String language) {
        List<String> words = new ArrayList<>();
        addWords(headline, words);
        addWords(headline, words); // the headline says what the article is about: it counts twice
        paragraphs.forEach(paragraph -> addWords(paragraph, words));
        List<Cue> cues = cuesByLanguage.getOrDefault(language, cuesByLanguage.get("en"));
        Map<String, Integer> scores = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            for (Cue cue : cues) {
                if (matches(words, i, cue)) {
                    scores.merge(cue.code(), cue.weight(), Integer::sum);
                }
            }
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

    private static void addWords(String text, List<String> words) {
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (matcher.find()) {
            // French and Italian elisions (l'élection, d'inflation) would hide the word from its cue.
            words.add(ELISION.matcher(matcher.group()).replaceFirst("").replaceAll("'s$", ""));
        }
    }
}
