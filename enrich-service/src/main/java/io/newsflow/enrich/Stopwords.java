package io.newsflow.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Function words per language (resources {@code stopwords/LANG.txt}); loaded once. */
final class Stopwords {

    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt", "nl");
    private final Map<String, Set<String>> byLanguage = new HashMap<>();
    private final Set<String> any = new HashSet<>();

    Stopwords() {
        for (String language : LANGUAGES) {
            Set<String> words = WordSet.copyOf(Resources.lines("/stopwords/" + language + ".txt"));
            byLanguage.put(language, words);
            any.addAll(words);
        }
    }

    /** Whether a word is a function word of {@code language} (or of any supported language when unknown). */
    boolean contains(String language, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return byLanguage.getOrDefault(language, any).contains(lower);
    }

    /** The function words of {@code language} in lower case (of every supported language when unknown). */
    Set<String> of(String language) {
        return byLanguage.getOrDefault(language, any);
    }

    boolean inAnyLanguage(String word) {
        return any.contains(word.toLowerCase(Locale.ROOT));
    }

    /** As {@link #inAnyLanguage(String)}, for a word already in lower case. */
    boolean inAnyLanguageLower(String lower) {
        return any.contains(lower);
    }
}
