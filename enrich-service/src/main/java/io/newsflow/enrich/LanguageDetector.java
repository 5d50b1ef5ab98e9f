package io.newsflow.enrich;

/** Tells the language of a text. Behind an interface so tests and benchmarks can pass a deterministic one. */
public interface LanguageDetector {

    /**
     * @param language   ISO 639-1 code, or {@code und} when unsure
     * @param confidence 0..1
     */
    record Detection(String language, double confidence) {
    }

    Detection detect(String text);
}
