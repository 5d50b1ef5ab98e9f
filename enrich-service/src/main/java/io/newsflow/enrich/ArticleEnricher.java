package io.newsflow.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.Provenance;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.enrich.EnvelopeParser.Envelope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The enrichment steps, composed: clean and structure the payload (by content type), detect the language, then
 * extract entities, key phrases, subjects and a summary, and fingerprint the text. Models and word lists are loaded
 * once, when the enricher is made; {@link #enrich} is pure but for the clock that stamps {@code enrichedAt}.
 */
public final class ArticleEnricher {

    /** Reading speed for {@code readingTimeMinutes}. */
    static final int WORDS_PER_MINUTE = 230;
    static final String NAME = "newsflow-enrich/" + Optional.ofNullable(
            ArticleEnricher.class.getPackage().getImplementationVersion()).orElse("dev");

    private final LanguageDetector languageDetector;
    private final Clock clock;
    private final Stopwords stopwords = new Stopwords();
    private final EntityExtractor entities;
    private final KeyphraseExtractor keyphrases;
    private final MediaTopicClassifier subjects = new MediaTopicClassifier();
    private final Summarizer summarizer;
    private final Fingerprinter fingerprinter = new Fingerprinter();

    public ArticleEnricher(LanguageDetector languageDetector, Clock clock) {
        this.languageDetector = languageDetector;
        this.clock = clock;
        this.entities = new EntityExtractor(new Gazetteer(), stopwords);
        this.keyphrases = new KeyphraseExtractor();
        this.summarizer = new Summarizer();
    }

    /** The production enricher: Lingua for languages, the system clock. */
    public static ArticleEnricher standard() {
        return new ArticleEnricher(new LinguaLanguageDetector(), Clock.systemUTC());
    }

    public Outcome<EnrichedArticle> enrich(RawArticle raw) {
        if (looksBinary(raw.payload())) {
            return Outcome.rejected("binary-content", "the article is not text: it is full of control characters");
        }
        CleaningReport report = new CleaningReport();
        return read(raw, report).flatMap(parsed -> {
            if (parsed.envelope().retracts()) {
                // A kill request names the article; it carries no text to enrich (publish republishes it canceled).
                return Outcome.accepted(EnrichedArticle.retraction(raw.id(), raw.source(), raw.receivedAt(),
                        new Provenance(NAME, 0, 0, raw.receivedAt(), clock.instant())));
            }
            ArticleStructure.Structured structured = ArticleStructure.of(parsed.text().paragraphs());
            if (structured.paragraphs().isEmpty()) {
                return Outcome.rejected("no-article-text",
                        "nothing is left of the article once ad markers and markup are removed");
            }
            return Outcome.accepted(enrich(raw, parsed, structured, report));
        });
    }

    private EnrichedArticle enrich(RawArticle raw, EnvelopeParser.Parsed parsed,
                                   ArticleStructure.Structured structured, CleaningReport report) {
        List<String> paragraphs = structured.paragraphs();
        String headline = parsed.text().headline().isEmpty() ? firstWords(paragraphs.get(0))
                : parsed.text().headline();
        String body = String.join("\n\n", paragraphs);
        Envelope envelope = parsed.envelope();
        LanguageDetector.Detection detection = languageDetector.detect(headline + "\n" + body);
        String language = detection.language();
        if (language.equals(EnrichedArticle.UNDETERMINED_LANGUAGE) && envelope.language() != null
                && envelope.language().matches("[a-zA-Z]{2}")) {
            language = envelope.language().toLowerCase(Locale.ROOT);
        }
        Locale locale = Locale.forLanguageTag(language);
        List<String> sentences = new ArrayList<>();
        paragraphs.forEach(paragraph -> sentences.addAll(Sentences.split(paragraph, locale)));
        AnalyzedText analyzed = AnalyzedText.of(headline, sentences, language, stopwords);
        EntityExtractor.Entities found = entities.extract(analyzed, language);
        int words = analyzed.bodyWordCount();
        return new EnrichedArticle(
                raw.id(),
                raw.source(),
                raw.receivedAt(),
                headline,
                paragraphs,
                sentences.get(0),
                structured.byline() != null ? structured.byline() : envelope.author(),
                structured.dateline(),
                envelope.url() != null ? envelope.url() : report.sourceUrl,
                report.media,
                language,
                Math.round(detection.confidence() * 1000) / 1000.0,
                words,
                TextMetrics.charCount(body),
                Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE),
                found.people(),
                found.organisations(),
                found.places(),
                keyphrases.extract(analyzed),
                subjects.classify(analyzed, language),
                summarizer.summarize(sentences, analyzed),
                envelope.publishedAt(),
                envelope.embargoedUntil(),
                envelope.extra(),
                EnrichedArticle.USABLE,
                fingerprinter.of(headline, body, analyzed.sentences),
                new Provenance(NAME, report.adMarkers, report.boilerplate, raw.receivedAt(), clock.instant()));
    }

    private static Outcome<EnvelopeParser.Parsed> read(RawArticle raw, CleaningReport report) {
        return switch (raw.contentType()) {
            case ContentTypes.HTML -> Outcome.accepted(new EnvelopeParser.Parsed(
                    HtmlArticleReader.read(raw.payload(), report), Envelope.NONE));
            case ContentTypes.JSON -> {
                try {
                    yield Outcome.accepted(EnvelopeParser.parse(raw.payload(), report));
                } catch (JsonProcessingException e) {
                    yield Outcome.rejected("malformed-json", "the JSON envelope cannot be parsed: "
                            + e.getOriginalMessage());
                }
            }
            default -> Outcome.accepted(new EnvelopeParser.Parsed(PlainTextParser.parse(raw.payload(), report),
                    Envelope.NONE));
        };
    }

    /** Text has few control characters; more than 1 in 100 (besides line breaks and tabs) means binary data. */
    static boolean looksBinary(String payload) {
        long control = 0;
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                control++;
            }
        }
        return control > 0 && control * 100 > payload.length();
    }

    /** A headline for an article sent without one: its first words, cut at a word boundary. */
    static String firstWords(String paragraph) {
        int limit = 80;
        if (paragraph.length() <= limit) {
            return paragraph;
        }
        int cut = paragraph.lastIndexOf(' ', limit);
        return paragraph.substring(0, cut > 0 ? cut : limit) + "…";
    }
}
