package io.newsflow.enrich;

import io.newsflow.contract.ServiceMain;
import io.newsflow.contract.ServiceRunner;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.contract.streams.StreamsService;
import java.util.List;
import org.apache.kafka.streams.StreamsConfig;

/** enrich-service's main: configuration from the environment, topics, then the topology until SIGTERM. */
public final class EnrichApp {

    public static final String SERVICE = "enrich";
    static final String USAGE = """
            Usage: enrich-service
              Cleans and enriches news.raw into news.enriched (Kafka Streams); serves /health/live and
              /health/ready on NEWSFLOW_ENRICH_HTTP_PORT (default 8082).
            Settings come from the environment; see README.md, "Configuration".""";

    private EnrichApp() {
    }

    /**
     * The topology as a Streams service, ready to start, without the HTTP server (what {@code newsflow run} uses):
     * its metrics are counted in a registry of its own that no {@code /metrics} serves.
     */
    public static StreamsService service(PipelineSettings settings) {
        return service(settings, ServiceMetrics.forService(SERVICE));
    }

    /** The topology as a Streams service counting in {@code metrics}, ready to start. */
    public static StreamsService service(PipelineSettings settings, ServiceMetrics metrics) {
        return new StreamsService(withStreamThreads(settings, Runtime.getRuntime().availableProcessors()), SERVICE,
                EnrichTopology.build(Topics.of(settings.topics()), ArticleEnricher.standard(), metrics.meters()),
                metrics);
    }

    /**
     * Enrich runs one stream thread per core, up to the partition count (a thread without a partition idles), unless
     * {@code KAFKA_STREAMS_NUM_STREAM_THREADS} says otherwise. It is the one CPU-bound service: with Streams' single
     * thread, a slow stretch of the machine (another service's burst, a GC) left it behind and every article queued
     * behind the batch in hand; in `newsflow bench` at 500 articles/s its hop's p99 went from 246 ms to 113 ms with
     * two threads on two cores (docs/performance.md, "Session 6").
     */
    static PipelineSettings withStreamThreads(PipelineSettings settings, int cores) {
        int threads = Math.max(1, Math.min(cores, settings.partitions()));
        return settings.withKafka(
                settings.kafka().withStreamsDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads));
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run(EnrichSettings.SERVICE_NAME, () -> start(args, Env.system(), EnrichSettings.CATALOGUE));
    }

    /**
     * Runs enrich-service until SIGTERM on the settings of {@code env}, refusing any {@code NEWSFLOW_*} or
     * {@code KAFKA_*} variable that {@code known} does not list: its own catalogue, or every service's under
     * {@code newsflow start}, whose shell may hold them all.
     */
    public static void start(String[] args, Env env, SettingCatalogue known) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        known.requireKnown(env);
        EnrichConfig config = EnrichConfig.fromEnv(env);
        TopicAdmin.ensureTopics(config.pipeline(), config.pipeline().applicationId(SERVICE) + "-admin");
        ServiceRunner.runUntilShutdown("enrich-service", new EnrichService(config));
    }
}
