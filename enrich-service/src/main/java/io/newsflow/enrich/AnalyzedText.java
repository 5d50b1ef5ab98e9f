package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An article's words, found once and shared by the steps that rank and classify them (key phrases, subjects,
 * summary, SimHash): each word in its written and lower-case form, whether punctuation precedes it, and whether it is
 * a function word of the article's language.
 */
final class AnalyzedText {

    record Word(String text, String lower, boolean breakBefore, boolean stopword) {
        boolean isContent() {
            return !stopword && lower.length() > 2 && Character.isLetter(lower.charAt(0));
        }
    }

    final List<Word> headline;
    final List<List<Word>> sentences;

    private AnalyzedText(List<Word> headline, List<List<Word>> sentences) {
        this.headline = headline;
        this.sentences = sentences;
    }

    static AnalyzedText of(String headline, List<String> sentences, String language, Stopwords stopwords) {
        List<List<Word>> words = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            words.add(words(sentence, language, stopwords));
        }
        return new AnalyzedText(words(headline, language, stopwords), words);
    }

    private static List<Word> words(String text, String language, Stopwords stopwords) {
        List<Word> words = new ArrayList<>();
        Words.scan(text, (t, start, end, breakBefore) -> {
            String written = KeyphraseExtractor.withoutPossessive(t.substring(start, end));
            String lower = written.toLowerCase(Locale.ROOT);
            words.add(new Word(written, lower, breakBefore, stopwords.containsLowerCase(language, lower)));
        });
        return words;
    }
}
