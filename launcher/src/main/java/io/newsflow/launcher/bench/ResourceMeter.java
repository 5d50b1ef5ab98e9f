package io.newsflow.launcher.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and heap of this process (broker, services and the benchmark's own clients together) over one measured
 * run, with the CPU time split by who spent it (see {@link #group(String)}; on Linux also the JVM's garbage collector
 * and JIT compiler threads). Peak heap is the sum of each heap pool's
 * peak since the start: an upper bound, since the pools (eden, survivor, old) do not peak at the same moment.
 */
final class ResourceMeter {

    /** What is left of the process's CPU time once every Java thread's is counted (and GC's and JIT's, on Linux). */
    static final String REST = "JVM other";
    static final String GC = "GC";
    static final String JIT = "JIT";
    /** Per-thread CPU time of the JVM's own threads (GC, compilers), which Java's thread bean does not list. */
    private static final Path TASKS = Path.of("/proc/self/task");

    /**
     * CPU-seconds used, by group and in all, and peak heap bytes.
     *
     * @param cpuByGroup CPU-seconds by thread group, largest first
     */
    record Usage(double cpuSeconds, Map<String, Double> cpuByGroup, long peakHeapBytes) {
    }

    private final com.sun.management.OperatingSystemMXBean os;
    private final com.sun.management.ThreadMXBean threads;
    private final List<MemoryPoolMXBean> heapPools;
    private final long cpuStartNanos;
    private final Map<Long, Long> threadStartNanos;
    private final Map<String, Long> nativeStartNanos;

    private ResourceMeter() {
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        this.threadStartNanos = threadCpuNanos();
        this.nativeStartNanos = nativeThreadCpuNanos();
        this.cpuStartNanos = os.getProcessCpuTime();
    }

    static ResourceMeter start() {
        return new ResourceMeter();
    }

    Usage stop() {
        long cpu = os.getProcessCpuTime() - cpuStartNanos;
        Map<Long, Long> now = threadCpuNanos();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(now.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info != null) {
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        Map<String, Long> byGroup = new HashMap<>();
        long counted = 0;
        for (var thread : now.entrySet()) {
            long used = thread.getValue() - threadStartNanos.getOrDefault(thread.getKey(), 0L);
            byGroup.merge(group(names.getOrDefault(thread.getKey(), "")), used, Long::sum);
            counted += used;
        }
        Map<String, Long> nativeNow = nativeThreadCpuNanos();
        for (var task : nativeNow.entrySet()) {
            String group = nativeGroup(task.getKey().substring(task.getKey().indexOf(' ') + 1));
            if (group != null) {
                long used = task.getValue() - nativeStartNanos.getOrDefault(task.getKey(), 0L);
                byGroup.merge(group, used, Long::sum);
                counted += used;
            }
        }
        byGroup.merge(REST, Math.max(0, cpu - counted), Long::sum);
        Map<String, Double> seconds = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> seconds.put(entry.getKey(), entry.getValue() / 1e9));
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Usage(cpu / 1e9, seconds, peak);
    }

    /**
     * Who a thread works for, by its name: a service (its stream threads and their clients' network threads all carry
     * the application id, e.g. {@code newsflow-enrich-StreamThread-1}), the baseline's hops, the benchmark's own load
     * and arrivals, or else the broker (and whatever else runs in the JVM).
     */
    static String group(String threadName) {
        for (String part : List.of("bench-pipeline-", "bench-baseline-", "bench-load-", "bench-arrivals-")) {
            if (threadName.contains(part)) {
                return "benchmark clients";
            }
        }
        for (String service : List.of("ingest", "enrich", "publish", "bench-hop")) {
            if (threadName.contains("-" + service)) {
                return service.equals("bench-hop") ? "identity hops" : service;
            }
        }
        return "broker and other";
    }

    /** GC or JIT for the JVM's own threads, by their native names; null for any other thread. */
    static String nativeGroup(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return GC;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        return null;
    }

    /** CPU nanoseconds of each native thread ({@code "TID NAME"}), from Linux's schedstat; empty elsewhere. */
    private static Map<String, Long> nativeThreadCpuNanos() {
        Map<String, Long> byTask = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return byTask;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String schedstat = Files.readString(task.resolve("schedstat")).strip();
                    byTask.put(task.getFileName() + " " + name, Long.parseLong(schedstat.split(" ")[0]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile, or the kernel keeps no schedstat: its time stays in "JVM other"
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byTask;
    }

    private Map<Long, Long> threadCpuNanos() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        Map<Long, Long> byId = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                byId.put(ids[i], cpu[i]);
            }
        }
        return byId;
    }

    /** The system load average over the last minute (what {@code uptime} shows first), or -1 if unknown. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
