package io.newsflow.contract.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service's metrics, as its {@code /metrics} route serves them in Prometheus' text format: newsflow's own
 * ({@link PipelineMeters}), the JVM's (memory, GC, threads, CPU, class loading, uptime), and those of the Kafka clients
 * bound to it ({@link #bind(KafkaStreams, String)}, {@link #bind(Producer)}). Every meter is tagged
 * {@code service=<name>}. Each service makes its own when it is wired; {@code newsflow run}'s services, in one JVM,
 * have one each.
 */
public final class ServiceMetrics implements AutoCloseable {

    /** What {@link #scrape()} writes: Prometheus' text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** {@code newsflow_consumer_lag_records{app}}: see {@link #bind(KafkaStreams, String)}. */
    public static final String CONSUMER_LAG = "newsflow.consumer.lag";

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

    private final PrometheusMeterRegistry registry;
    private final PipelineMeters meters;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private ServiceMetrics(String service) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service);
        this.meters = new PipelineMeters(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        closeables.add(gc);
    }

    /** @param service the {@code service} tag of every meter: {@code ingest}, {@code enrich}, {@code publish} */
    public static ServiceMetrics forService(String service) {
        return new ServiceMetrics(service);
    }

    public PipelineMeters meters() {
        return meters;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Binds a Kafka Streams app's metrics (its threads, tasks and stores, and those of its producers and consumers,
     * {@code kafka_stream_*}, {@code kafka_consumer_*}, {@code kafka_producer_*}), and the app's consumer lag,
     * {@code newsflow_consumer_lag_records{app}}: records its stream threads have yet to read, summed over the
     * partitions they are assigned (Kafka's {@code records-lag} of each, topics and repartition topics alike). A
     * partition counts once its first fetch reported a lag, so an idle app reads 0 and a new one starts at 0.
     * Kafka's own per-consumer maximum is {@code kafka_consumer_fetch_manager_records_lag_max}.
     *
     * @param app the application id, the {@code app} tag of the lag
     * @return what unbinds them (the app's service calls it when the app is closed)
     */
    public synchronized AutoCloseable bind(KafkaStreams streams, String app) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        Gauge lag = Gauge.builder(CONSUMER_LAG, streams, ConsumerLag::of)
                .description("Records this Kafka Streams app's threads have yet to read, summed over their "
                        + "assigned partitions (Kafka's records-lag)")
                .baseUnit("records").tag("app", app).register(registry);
        AutoCloseable unbind = () -> {
            registry.remove(lag);
            binder.close();
        };
        closeables.add(unbind);
        return unbind;
    }

    /** Binds a producer's metrics ({@code kafka_producer_*}); they are unbound by {@link #close()}. */
    public synchronized void bind(Producer<?, ?> producer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        binder.bindTo(registry);
        closeables.add(binder);
    }

    /** Every meter, in Prometheus' text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    /** Unbinds what was bound and closes the registry; a service calls it last when it stops. */
    @Override
    public synchronized void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing a metrics binder failed", e);
            }
        }
        closeables.clear();
        registry.close();
    }
}
