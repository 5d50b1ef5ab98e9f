package io.newsflow.ingest;

import io.newsflow.contract.Service;
import io.newsflow.contract.ServiceMain;
import io.newsflow.contract.ServiceRunner;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.TopicAdmin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** ingest-service's main: configuration from the environment, topics, then the service until SIGTERM. */
public final class IngestApp {

    static final String USAGE = """
            Usage: ingest-service [--dir DIR] [--watch DIR]
              Normalizes what newsroom systems produce to news.inbound and writes it to news.raw; serves the
              ingest API (POST /v1/articles, see /openapi.json) on NEWSFLOW_INGEST_HTTP_PORT (default 8081).
              --dir DIR     also ingest every file of DIR once at start (files are read, not moved)
              --watch DIR   ingest files as they appear in DIR; each moves to DIR/.processed/ once written,
                            or to DIR/.failed/ with NAME.error.txt saying why
            Settings come from the environment; see README.md, "Configuration".""";

    private IngestApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run(IngestSettings.SERVICE_NAME, () -> start(args, Env.system(), IngestSettings.CATALOGUE));
    }

    /**
     * Runs ingest-service until SIGTERM on the settings of {@code env}, refusing any {@code NEWSFLOW_*} or
     * {@code KAFKA_*} variable that {@code known} does not list: its own catalogue, or every service's under
     * {@code newsflow start}, whose shell may hold them all.
     */
    public static void start(String[] args, Env env, SettingCatalogue known) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        known.requireKnown(env);
        IngestConfig config = IngestConfig.fromEnv(env);
        TopicAdmin.ensureTopics(config.pipeline(), config.pipeline().applicationId(IngestConfig.SERVICE) + "-admin");
        IngestService service = new IngestService(config);
        List<Service> services = new ArrayList<>(List.of(service));
        argument(arguments, "--watch").ifPresent(dir -> services.add(new DropFolderWatcher(Path.of(dir),
                service.gateway(), service.dropFolder(), Clock.systemUTC())));
        argument(arguments, "--dir").ifPresent(dir -> service.dropFolder().ingest(Path.of(dir)));
        ServiceRunner.runUntilShutdown("ingest-service", Service.all(services));
    }

    private static java.util.Optional<String> argument(List<String> arguments, String flag) {
        int at = arguments.indexOf(flag);
        if (at < 0) {
            return java.util.Optional.empty();
        }
        if (at + 1 >= arguments.size()) {
            throw new IllegalArgumentException(flag + " needs a directory\n" + USAGE);
        }
        return java.util.Optional.of(arguments.get(at + 1));
    }
}
