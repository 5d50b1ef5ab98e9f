package io.newsflow.launcher;

import io.newsflow.contract.Service;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.publish.PublishConfig;
import io.newsflow.publish.PublishService;

/** The three services in one JVM, each exactly as its own main would run it. */
public final class Pipeline implements Service {

    private final IngestService ingest;
    private final EnrichService enrich;
    private final PublishService publish;

    public Pipeline(IngestConfig ingestConfig, EnrichConfig enrichConfig, PublishConfig publishConfig) {
        TopicAdmin.ensureTopics(ingestConfig.pipeline(), ingestConfig.pipeline().applicationId("launcher-admin"));
        this.ingest = new IngestService(ingestConfig);
        this.enrich = new EnrichService(enrichConfig);
        this.publish = new PublishService(publishConfig);
    }

    public IngestService ingest() {
        return ingest;
    }

    public EnrichService enrich() {
        return enrich;
    }

    public PublishService publish() {
        return publish;
    }

    @Override
    public void start() {
        publish.start();
        enrich.start();
        ingest.start();
    }

    /** Stops upstream first, so each service drains into one that is still running; each even if one before fails. */
    @Override
    public void stop() {
        Service.stopInOrder(ingest::stop, enrich::stop, publish::stop);
    }
}
