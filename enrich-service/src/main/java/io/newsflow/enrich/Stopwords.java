package io.newsflow.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    /** The function words of {@code language} in lower case (of every supported language when unknown). */
    Set<String> of(String language) {
        return byLanguage.getOrDefault(language, any);
    }

    /** Whether a word in lower case is a function word of any supported language. */
    boolean inAnyLanguage(String lower) {
        return any.contains(lower);
    }
}
