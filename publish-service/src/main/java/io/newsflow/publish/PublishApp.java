package io.newsflow.publish;

import io.newsflow.contract.ServiceMain;
import io.newsflow.contract.ServiceRunner;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.TopicAdmin;
import java.util.List;

/** publish-service's main: configuration from the environment, topics, then the service until SIGTERM. */
public final class PublishApp {

    static final String USAGE = """
            Usage: publish-service
              Publishes news.enriched as IPTC ninjs to news.published and serves it over HTTP
              (GET /articles, GET /articles/{id}) on NEWSFLOW_PUBLISH_HTTP_PORT (default 8080).
              Pushes each published article to webhook subscribers (NEWSFLOW_WEBHOOKS, /v1/subscriptions).
            Settings come from the environment; see README.md, "Configuration".""";

    private PublishApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run(PublishSettings.SERVICE_NAME, () -> start(args, Env.system(), PublishSettings.CATALOGUE));
    }

    /**
     * Runs publish-service until SIGTERM on the settings of {@code env}, refusing any {@code NEWSFLOW_*} or
     * {@code KAFKA_*} variable that {@code known} does not list: its own catalogue, or every service's under
     * {@code newsflow start}, whose shell may hold them all.
     */
    public static void start(String[] args, Env env, SettingCatalogue known) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        known.requireKnown(env);
        PublishConfig config = PublishConfig.fromEnv(env);
        TopicAdmin.ensureTopics(config.pipeline(), config.pipeline().applicationId(PublishConfig.SERVICE) + "-admin");
        ServiceRunner.runUntilShutdown("publish-service", new PublishService(config));
    }
}
