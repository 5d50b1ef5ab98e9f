package io.newsflow.enrich;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newsflow.contract.EnrichedArticle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Language detection with Lingua, restricted to the languages newsflow supports (a smaller model set is faster,
 * lighter and more accurate than asking among 75): English, Spanish, French and German, the languages whose entities,
 * stopwords and subject cues newsflow ships. It reads the headline and the start of the lede only, in Lingua's
 * low-accuracy mode (trigram models): a sentence or two of news prose decides (100% on the labeled corpus), and the
 * models then take about 30 MB of heap instead of over 200 MB, which keeps enrich-service within a 512 MB heap.
 * Models load once, at construction. Below
 * {@value #MIN_CONFIDENCE} confidence, or on text too short to judge, the answer is {@code und}.
 *
 * <p>Lingua computes each detection as a task of the JDK's common ForkJoinPool and waits for it. enrich-service runs
 * with that pool's parallelism at 0 ({@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=0}, see the
 * Dockerfile): then the calling thread runs the task itself instead of handing it over to a pool thread and parking
 * until it is done, which cost more than the detection when the machine was busy.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    public static final List<Language> SUPPORTED = List.of(Language.ENGLISH, Language.SPANISH, Language.FRENCH,
            Language.GERMAN);
    static final double MIN_CONFIDENCE = 0.5;
    /** Enough text to be sure (the headline and the lede); Lingua's time grows with the text. */
    static final int SAMPLE_CHARS = 100;
    private static final int MIN_LETTERS = 20;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetectorBuilder
            .fromLanguages(SUPPORTED.toArray(Language[]::new))
            .withPreloadedLanguageModels()
            .withLowAccuracyMode()
            .build();

    @Override
    public Detection detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, text.lastIndexOf(' ', SAMPLE_CHARS) > 0
                ? text.lastIndexOf(' ', SAMPLE_CHARS) : SAMPLE_CHARS) : text;
        if (letters(sample) < MIN_LETTERS) {
            return new Detection(EnrichedArticle.UNDETERMINED_LANGUAGE, 0);
        }
        SortedMap<Language, Double> confidences = lingua.computeLanguageConfidenceValues(sample);
        Map.Entry<Language, Double> best = null;
        for (Map.Entry<Language, Double> confidence : confidences.entrySet()) {
            // The first of equal confidences, as Stream.max would take it.
            if (best == null || Double.compare(confidence.getValue(), best.getValue()) > 0) {
                best = confidence;
            }
        }
        if (best == null || best.getValue() < MIN_CONFIDENCE) {
            return new Detection(EnrichedArticle.UNDETERMINED_LANGUAGE, best == null ? 0 : best.getValue());
        }
        return new Detection(best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT), best.getValue());
    }

    private static int letters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            letters += Character.isLetter(codePoint) ? 1 : 0;
            i += Character.charCount(codePoint);
        }
        return letters;
    }
}
