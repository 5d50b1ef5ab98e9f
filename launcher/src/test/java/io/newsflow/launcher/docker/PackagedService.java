package io.newsflow.launcher.docker;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSettings;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestSettings;
import io.newsflow.publish.PublishConfig;
import io.newsflow.publish.PublishSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A service as its image and docker-compose.yml see it: its module, main class, settings, how its config reads an
 * environment, and the HTTP port it then listens on (none for a service without an HTTP server).
 */
enum PackagedService {
    INGEST(IngestSettings.SERVICE_NAME, "io.newsflow.ingest.IngestApp", IngestSettings.CATALOGUE,
            "NEWSFLOW_INGEST_HTTP_PORT", env -> Optional.of(IngestConfig.fromEnv(env).httpPort())),
    ENRICH(EnrichSettings.SERVICE_NAME, "io.newsflow.enrich.EnrichApp", EnrichSettings.CATALOGUE,
            "NEWSFLOW_ENRICH_HTTP_PORT", env -> Optional.of(EnrichConfig.fromEnv(env).httpPort())),
    PUBLISH(PublishSettings.SERVICE_NAME, "io.newsflow.publish.PublishApp", PublishSettings.CATALOGUE,
            "NEWSFLOW_PUBLISH_HTTP_PORT", env -> Optional.of(PublishConfig.fromEnv(env).httpPort()));

    static final Path ROOT = Path.of("..");

    private final String name;
    private final String mainClass;
    private final SettingCatalogue settings;
    private final String httpPortSetting;
    private final Function<Env, Optional<Integer>> httpPortOf;

    PackagedService(String name, String mainClass, SettingCatalogue settings, String httpPortSetting,
                    Function<Env, Optional<Integer>> httpPortOf) {
        this.name = name;
        this.mainClass = mainClass;
        this.settings = settings;
        this.httpPortSetting = httpPortSetting;
        this.httpPortOf = httpPortOf;
    }

    /** The module, the compose service and the jar are all named so. */
    String serviceName() {
        return name;
    }

    String mainClass() {
        return mainClass;
    }

    SettingCatalogue settings() {
        return settings;
    }

    String httpPortSetting() {
        return httpPortSetting;
    }

    /** Reads {@code env} as the service does at start (failing on a value it refuses); its HTTP port, if it has one. */
    Optional<Integer> httpPort(Env env) {
        return httpPortOf.apply(env);
    }

    Path module() {
        return ROOT.resolve(name);
    }

    Path dockerfile() {
        return module().resolve("Dockerfile");
    }
}
