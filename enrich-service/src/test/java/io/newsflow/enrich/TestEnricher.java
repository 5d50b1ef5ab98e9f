package io.newsflow.enrich;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One enricher for all tests of this module: its models load once per test JVM, as in production. */
final class TestEnricher {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:01Z");
    static final ArticleEnricher INSTANCE = new ArticleEnricher(new LinguaLanguageDetector(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private TestEnricher() {
    }
}
