package io.newsflow.launcher.bench;

import io.newsflow.contract.Service;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.metrics.ServiceMetrics;
import io.newsflow.contract.streams.StreamsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The benchmark's baseline: what Kafka alone costs. A chain of {@value #HOPS} Kafka Streams apps, each copying one
 * topic to the next unchanged ({@code stream(a).to(b)}, bytes in, bytes out), started as {@link StreamsService}s with
 * the very properties the pipeline's services get (exactly-once, commit interval, compression, KAFKA_STREAMS_*).
 */
final class IdentityChain implements Service {

    static final int HOPS = 3;
    private final List<String> topics;
    private final List<StreamsService> hops = new ArrayList<>();

    /** Creates the topics {@code PREFIX.hop0} … {@code PREFIX.hop3} and the three apps between them. */
    IdentityChain(PipelineSettings settings, String prefix) {
        this.topics = IntStream.rangeClosed(0, HOPS).mapToObj(i -> prefix + ".hop" + i).toList();
        createTopics(settings, topics);
        for (int i = 0; i < HOPS; i++) {
            // Metered like the services' Streams apps (Streams metrics binder), so both sides pay the same.
            hops.add(new StreamsService(settings, prefix + "-hop" + (i + 1), hop(new StreamsBuilder(), topics.get(i),
                    topics.get(i + 1)), ServiceMetrics.forService(prefix + "-hop" + (i + 1))));
        }
    }

    /** One identity hop: every record of {@code from} to {@code to}, key, value and headers unchanged. */
    static Topology hop(StreamsBuilder builder, String from, String to) {
        builder.stream(from, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(to, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    /** Where the benchmark writes. */
    String input() {
        return topics.get(0);
    }

    /** Its hops, and the topics between them, for the latency by stage. */
    StageTimes.Plan stages() {
        return new StageTimes.Plan(IntStream.rangeClosed(1, HOPS).mapToObj(i -> "hop " + i).toList(),
                topics.subList(1, HOPS));
    }

    /** Where the articles arrive after the last hop. */
    String output() {
        return topics.get(HOPS);
    }

    @Override
    public void start() {
        hops.forEach(StreamsService::start);
    }

    @Override
    public void stop() {
        hops.forEach(StreamsService::stop);
    }

    /** The same partitions, replication and record size limit as the pipeline's topics. */
    private static void createTopics(PipelineSettings settings, List<String> names) {
        try (Admin admin = Admin.create(settings.kafka().adminConfig(settings.applicationId("bench-admin")))) {
            admin.createTopics(names.stream()
                    .map(name -> new NewTopic(name, java.util.Optional.of(settings.partitions()),
                            settings.replicationFactor())
                            .configs(Map.of("max.message.bytes", Integer.toString(KafkaSettings.MAX_RECORD_BYTES))))
                    .toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the baseline's topics: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the baseline's topics", e);
        }
    }
}
