package io.newsflow.launcher;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Json;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.Rejection;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.LinguaLanguageDetector;
import io.newsflow.ingest.DropFolder;
import io.newsflow.ingest.InboundNormalizer;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.publish.NinjsMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code newsflow enrich FILE...}: the document the pipeline would publish for each file, computed by the same
 * steps the services run (normalize, enrich, map to ninjs as version 1), without Kafka.
 */
final class EnrichFilesCommand {

    static final String USAGE = """
            Usage: newsflow enrich FILE...
              Prints, for each file in order, the ninjs document the pipeline would publish for it, one JSON
              line each on stdout. No Kafka needed. Exit 1 if any file is rejected (the reason goes to stderr).""";

    private final InboundNormalizer normalizer;
    private final ArticleEnricher enricher;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    EnrichFilesCommand(IngestConfig config, Clock clock, PrintStream out, PrintStream err) {
        this.normalizer = new InboundNormalizer(config.maxBytes());
        this.clock = clock;
        this.enricher = new ArticleEnricher(new LinguaLanguageDetector(), clock);
        this.out = out;
        this.err = err;
    }

    int run(List<Path> files) {
        if (files.isEmpty()) {
            throw new UsageException("enrich needs at least one file");
        }
        int status = 0;
        for (Path file : files) {
            Outcome<EnrichedArticle> outcome;
            try {
                outcome = normalizer.normalize(DropFolder.readFile(file, clock)).flatMap(enricher::enrich);
            } catch (UncheckedIOException e) {
                outcome = Outcome.rejected("unreadable-file", e.getCause().getMessage());
            }
            if (outcome instanceof Outcome.Accepted<EnrichedArticle> accepted) {
                EnrichedArticle article = accepted.value();
                out.println(toJson(NinjsMapper.toNinjs(article, 1, article.receivedAt(), clock.instant())));
            } else {
                Rejection rejection = ((Outcome.Rejected<EnrichedArticle>) outcome).rejection();
                err.println("newsflow: " + file + ": rejected: " + rejection.error() + ": " + rejection.reason());
                status = 1;
            }
        }
        out.flush();
        return status;
    }

    private static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a ninjs document always serializes", e);
        }
    }
}
