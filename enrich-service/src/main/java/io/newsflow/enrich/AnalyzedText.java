package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An article's words, found once and shared by the steps that rank and classify them (key phrases, subjects,
 * summary, SimHash): each word in its written and lower-case form, whether punctuation precedes it, and whether it is
 * a function word of the article's language.
 */
final class AnalyzedText {

    /** A word as written (possessive 's dropped), in lower case, and where it stands in its sentence. */
    record Word(String text, String lower, boolean breakBefore, boolean stopword, int start, int end) {
        boolean isContent() {
            return !stopword && lower.length() > 2 && Character.isLetter(lower.charAt(0));
        }
    }

    final String headlineText;
    final List<String> sentenceTexts;
    final List<Word> headline;
    final List<List<Word>> sentences;

    private AnalyzedText(String headlineText, List<String> sentenceTexts, List<Word> headline,
                         List<List<Word>> sentences) {
        this.headlineText = headlineText;
        this.sentenceTexts = sentenceTexts;
        this.headline = headline;
        this.sentences = sentences;
    }

    /** Words in the sentences (the body), not the headline: ninjs' wordcount. */
    int bodyWordCount() {
        int count = 0;
        for (List<Word> sentence : sentences) {
            count += sentence.size();
        }
        return count;
    }

    static AnalyzedText of(String headline, List<String> sentences, String language, Stopwords stopwords) {
        Set<String> functionWords = stopwords.of(language);
        List<List<Word>> words = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            words.add(words(sentence, functionWords));
        }
        return new AnalyzedText(headline, sentences, words(headline, functionWords), words);
    }

    private static List<Word> words(String text, Set<String> functionWords) {
        List<Word> words = new ArrayList<>();
        Words.scan(text, (t, start, end, breakBefore) -> {
            // The possessive 's is cut from the bounds rather than from a first substring: one string per word.
            String written = t.substring(start, endWithoutPossessive(t, start, end));
            String lower = written.toLowerCase(Locale.ROOT);
            words.add(new Word(written, lower, breakBefore, functionWords.contains(lower), start, end));
        });
        return words;
    }

    /** The end of the word {@code text[start, end)} without its possessive 's (or ’s), if it has one. */
    private static int endWithoutPossessive(String text, int start, int end) {
        return end - start > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')
                && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’') ? end - 2 : end;
    }
}
