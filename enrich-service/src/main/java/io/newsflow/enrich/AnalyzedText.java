package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An article's words, found once and shared by the steps that rank and classify them (key phrases, subjects,
 * summary, SimHash): each word in its written and lower-case form, whether punctuation precedes it, whether it is
 * a function word of the article's language, and its number in the article's {@link Vocabulary}.
 */
final class AnalyzedText {

    /**
     * A word as written (possessive 's dropped), in lower case, where it stands in its sentence, and its number
     * ({@code id}) among the article's distinct words.
     */
    record Word(String text, String lower, boolean breakBefore, boolean stopword, int start, int end, int id) {
        boolean isContent() {
            return !stopword && lower.length() > 2 && Character.isLetter(lower.charAt(0));
        }
    }

    final String headlineText;
    final List<String> sentenceTexts;
    final List<Word> headline;
    final List<List<Word>> sentences;
    /** The distinct words of the headline and sentences. */
    final Vocabulary vocabulary;

    private AnalyzedText(String headlineText, List<String> sentenceTexts, List<Word> headline,
                         List<List<Word>> sentences, Vocabulary vocabulary) {
        this.headlineText = headlineText;
        this.sentenceTexts = sentenceTexts;
        this.headline = headline;
        this.sentences = sentences;
        this.vocabulary = vocabulary;
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
        WordFinder words = new WordFinder(stopwords.of(language));
        List<List<Word>> body = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            body.add(words.of(sentence));
        }
        List<Word> headlineWords = words.of(headline);
        return new AnalyzedText(headline, sentences, headlineWords, body, words.vocabulary);
    }

    /** Finds the words of one article's texts, numbering them, and looks each distinct word up once. */
    private static final class WordFinder {
        final Set<String> functionWords;
        final Vocabulary vocabulary = new Vocabulary();
        final WrittenForms forms = new WrittenForms();
        /** By written form (its number in {@link #forms}): its number in the vocabulary. */
        int[] formIds = new int[256];
        /** Whether each word of the vocabulary is a function word. */
        boolean[] stopword = new boolean[256];

        WordFinder(Set<String> functionWords) {
            this.functionWords = functionWords;
        }

        List<Word> of(String text) {
            List<Word> words = new ArrayList<>();
            Words.scan(text, (t, start, end, breakBefore) -> {
                // The possessive 's is cut from the bounds rather than from a first substring: one string per form.
                int writtenEnd = endWithoutPossessive(t, start, end);
                int form = forms.find(t, start, writtenEnd);
                if (form < 0) {
                    form = newForm(form, t.substring(start, writtenEnd));
                }
                int id = formIds[form];
                words.add(new Word(forms.form(form), vocabulary.word(id), breakBefore, stopword[id], start, end, id));
            });
            return words;
        }

        /** Numbers a form not seen before in the article, and its lower-case form if that is new too. */
        private int newForm(int missing, String written) {
            int form = forms.add(missing, written);
            String lower = written.toLowerCase(Locale.ROOT);
            int known = vocabulary.size();
            int id = vocabulary.add(lower);
            if (id == known) {
                if (id == stopword.length) {
                    stopword = java.util.Arrays.copyOf(stopword, 2 * id);
                }
                stopword[id] = functionWords.contains(lower);
            }
            if (form == formIds.length) {
                formIds = java.util.Arrays.copyOf(formIds, 2 * form);
            }
            formIds[form] = id;
            return form;
        }
    }

    /** The end of the word {@code text[start, end)} without its possessive 's (or ’s), if it has one. */
    private static int endWithoutPossessive(String text, int start, int end) {
        return end - start > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')
                && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’') ? end - 2 : end;
    }
}
