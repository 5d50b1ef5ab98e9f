package io.newsflow.launcher.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * CPU time and heap of this process (broker, services and the benchmark's own clients together) over one measured
 * run. Peak heap is the sum of each heap pool's peak since the start: an upper bound, since the pools (eden, survivor,
 * old) do not peak at the same moment.
 */
final class ResourceMeter {

    /** CPU-seconds used and peak heap bytes. */
    record Usage(double cpuSeconds, long peakHeapBytes) {
    }

    private final com.sun.management.OperatingSystemMXBean os;
    private final List<MemoryPoolMXBean> heapPools;
    private final long cpuStartNanos;

    private ResourceMeter() {
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        this.cpuStartNanos = os.getProcessCpuTime();
    }

    static ResourceMeter start() {
        return new ResourceMeter();
    }

    Usage stop() {
        double cpu = (os.getProcessCpuTime() - cpuStartNanos) / 1e9;
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Usage(cpu, peak);
    }

    /** The system load average over the last minute (what {@code uptime} shows first), or -1 if unknown. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
