package io.newsflow.ingest;

import io.newsflow.contract.ServiceRunner;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.TopicAdmin;
import java.nio.file.Path;
import java.util.List;

/** ingest-service's main: configuration from the environment, topics, then the service until SIGTERM. */
public final class IngestApp {

    static final String USAGE = """
            Usage: ingest-service [--dir DIR]
              Normalizes what newsroom systems produce to news.inbound and writes it to news.raw.
              --dir DIR   also ingest every file of DIR once at start (files are read, not moved)
            Settings come from the environment; see README.md, "Configuration".""";

    private IngestApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        IngestConfig config = IngestConfig.fromEnv(Env.system());
        TopicAdmin.ensureTopics(config.pipeline(), config.pipeline().applicationId(IngestConfig.SERVICE) + "-admin");
        IngestService service = new IngestService(config);
        int dir = arguments.indexOf("--dir");
        if (dir >= 0) {
            if (dir + 1 >= arguments.size()) {
                throw new IllegalArgumentException("--dir needs a directory\n" + USAGE);
            }
            service.dropFolder().ingest(Path.of(arguments.get(dir + 1)));
        }
        ServiceRunner.runUntilShutdown("ingest-service", service);
    }
}
