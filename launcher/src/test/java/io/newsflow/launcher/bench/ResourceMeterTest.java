package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceMeterTest {

    @Test
    void groupsThreadsByTheServiceTheirNameCarries() {
        assertThat(ResourceMeter.group("newsflow-enrich-StreamThread-1")).isEqualTo("enrich");
        assertThat(ResourceMeter.group("kafka-producer-network-thread | newsflow-enrich-StreamThread-1-producer"))
                .isEqualTo("enrich");
        assertThat(ResourceMeter.group("newsflow-publish-webhooks-StreamThread-1")).isEqualTo("publish");
        assertThat(ResourceMeter.group("kafka-producer-network-thread | newsflow-ingest-writer")).isEqualTo("ingest");
        assertThat(ResourceMeter.group("newsflow-bench-hop2-StreamThread-1")).isEqualTo("identity hops");
        assertThat(ResourceMeter.group("kafka-producer-network-thread | newsflow-bench-pipeline-load"))
                .isEqualTo("benchmark clients");
        assertThat(ResourceMeter.group("bench-arrivals-news.published")).isEqualTo("benchmark clients");
        assertThat(ResourceMeter.group("data-plane-kafka-request-handler-0")).isEqualTo("broker and other");
    }

    @Test
    void tellsTheJvmsGarbageCollectorAndCompilerThreadsByTheirNativeNames() {
        assertThat(ResourceMeter.nativeGroup("GC Thread#1")).isEqualTo("GC");
        assertThat(ResourceMeter.nativeGroup("G1 Conc#0")).isEqualTo("GC");
        assertThat(ResourceMeter.nativeGroup("G1 Refine#0")).isEqualTo("GC");
        assertThat(ResourceMeter.nativeGroup("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(ResourceMeter.nativeGroup("VM Thread")).isNull();
        assertThat(ResourceMeter.nativeGroup("java")).isNull();
    }

    @Test
    void countsTheWholeProcessAndSplitsItWithoutLosingAny() {
        ResourceMeter meter = ResourceMeter.start();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).length();
        }
        ResourceMeter.Usage usage = meter.stop();

        assertThat(sum).isPositive();
        assertThat(usage.cpuSeconds()).isPositive();
        assertThat(usage.cpuByGroup().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(usage.cpuSeconds(), org.assertj.core.data.Offset.offset(0.05 * usage.cpuSeconds() + 0.01));
        assertThat(usage.peakHeapBytes()).isPositive();
    }
}
