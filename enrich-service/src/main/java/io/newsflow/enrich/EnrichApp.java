package io.newsflow.enrich;

import io.newsflow.contract.ServiceRunner;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.streams.StreamsService;
import java.util.List;

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

    /** The topology as a Streams service, ready to start (without the health server: what {@code newsflow run} uses). */
    public static StreamsService service(PipelineSettings settings) {
        return new StreamsService(settings, SERVICE,
                EnrichTopology.build(Topics.of(settings.topics()), ArticleEnricher.standard()));
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        EnrichConfig config = EnrichConfig.fromEnv(Env.system());
        TopicAdmin.ensureTopics(config.pipeline(), config.pipeline().applicationId(SERVICE) + "-admin");
        ServiceRunner.runUntilShutdown("enrich-service", new EnrichService(config));
    }
}
