package io.newsflow.launcher;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.ingest.DropFolder.FileResult;
import io.newsflow.ingest.DropFolderWatcher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.kafka.DataDirectory;
import io.newsflow.kafka.EmbeddedKafkaBroker;
import io.newsflow.publish.PublishConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newsflow run}: broker (unless {@code KAFKA_BOOTSTRAP_SERVERS}), the three services, the folder's files
 * ingested, each published document printed on stdout.
 */
final class RunCommand {

    static final int OK = 0;
    static final int REJECTED = 1;
    static final int TIMED_OUT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** How often a running pipeline says on stderr how much it has published (when that changed). */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Env env;
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(Env env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs until done ({@code --once}) or until the thread is interrupted; returns the exit status. */
    int run(RunOptions options) throws InterruptedException {
        List<Path> files = io.newsflow.ingest.DropFolder.articleFiles(options.dir());
        if (options.fresh()) {
            DataDirectory.delete(options.dataDir());
        }
        PipelineSettings settings = PipelineSettings.fromEnv(env);
        if (env.optional("NEWSFLOW_STATE_DIR").isEmpty()) {
            settings = settings.withStateDir(options.dataDir().resolve("streams"));
        }
        EmbeddedKafkaBroker broker = null;
        if (env.optional("KAFKA_BOOTSTRAP_SERVERS").isEmpty()) {
            broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.of(
                    options.dataDir().resolve("broker"), options.brokerPort()));
            settings = settings.withKafka(settings.kafka().withBootstrapServers(broker.bootstrapServers()));
        }
        IngestConfig ingestConfig = IngestConfig.fromEnv(env, settings);
        PublishConfig publishConfig = PublishConfig.fromEnv(env).withPipeline(settings);
        EnrichConfig enrichConfig = EnrichConfig.fromEnv(env).withPipeline(settings);
        try (Pipeline pipeline = new Pipeline(ingestConfig, enrichConfig, publishConfig)) {
            pipeline.start();
            Instant started = Instant.now();
            int feed = pipeline.publish().httpPort();
            LOG.info("pipeline running; ingest API on http://127.0.0.1:{}/v1/articles; newsroom page on "
                    + "http://127.0.0.1:{}/ (feeds /feed.json /feed.atom /feed.rss, live /stream); enrich health and "
                    + "metrics on http://127.0.0.1:{}/metrics; ingesting {} file(s) from {}",
                    pipeline.ingest().httpPort(), feed, pipeline.enrich().httpPort(), files.size(), options.dir());
            List<FileResult> results = pipeline.ingest().dropFolder().ingest(options.dir());
            Optional<DropFolderWatcher> watcher = options.watch().map(dir -> new DropFolderWatcher(dir,
                    pipeline.ingest().gateway(), pipeline.ingest().dropFolder(), Clock.systemUTC()));
            watcher.ifPresent(DropFolderWatcher::start);
            try {
                return report(settings, results, started, options);
            } finally {
                watcher.ifPresent(DropFolderWatcher::stop);
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private int report(PipelineSettings settings, List<FileResult> results, Instant started, RunOptions options)
            throws InterruptedException {
        Instant deadline = started.plus(options.timeout());
        try (PipelineDrain drain = new PipelineDrain(settings);
             FeedReader published = new FeedReader(settings.kafka(), settings.topics().published(),
                     settings.applicationId("launcher-feed"));
             FeedReader deadLetters = new FeedReader(settings.kafka(), settings.topics().dlq(),
                     settings.applicationId("launcher-dlq"))) {
            try {
                drain.await(deadline);
            } catch (TimeoutException e) {
                err.println("newsflow: timed out after " + options.timeout().toSeconds()
                        + " s waiting for the pipeline: " + e.getMessage());
                return TIMED_OUT;
            }
            Map<String, String> documents = FeedReader.latestByArticleId(published);
            Map<String, String> rejections = FeedReader.rejectionsByArticleId(deadLetters, started);
            List<String> problems = new ArrayList<>();
            for (FileResult result : results) {
                if (!result.accepted()) {
                    problems.add(result.file() + ": rejected by ingest: " + result.rejection().error() + ": "
                            + result.rejection().reason());
                } else if (rejections.containsKey(result.id())) {
                    problems.add(result.file() + ": rejected: " + rejections.get(result.id()));
                } else if (documents.containsKey(result.id())) {
                    out.println(documents.get(result.id()));
                } else {
                    problems.add(result.file() + ": not published (id " + result.id() + ")");
                }
            }
            out.flush();
            problems.forEach(problem -> err.println("newsflow: " + problem));
            err.flush();
            if (options.once()) {
                LOG.info("{} of {} file(s) published", results.size() - problems.size(), results.size());
                return problems.isEmpty() ? OK : REJECTED;
            }
            LOG.info("printing newly published articles; Ctrl-C to stop");
            // Counts what this run printed: the folder's documents above, then every new publication.
            long[] count = {results.size() - problems.size()};
            ProgressLine progress = new ProgressLine(err, "", "published", count[0], 0, PROGRESS_EVERY);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    published.poll(Duration.ofMillis(500), record -> {
                        out.println(new String(record.value(), StandardCharsets.UTF_8));
                        count[0]++;
                    });
                    progress.update(count[0]);
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // Ctrl-C / SIGTERM: the shutdown hook interrupted us; fall through to close everything in order.
            }
            // Clear the interrupt (Kafka's InterruptException sets it again), or every client closed below fails
            // with an InterruptException of its own and the services and broker are not stopped in order.
            Thread.interrupted();
            return OK;
        }
    }
}
