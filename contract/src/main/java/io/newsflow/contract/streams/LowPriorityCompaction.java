package io.newsflow.contract.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Env;
import org.rocksdb.Options;
import org.rocksdb.Priority;

/**
 * Runs RocksDB's compactions at the lowest CPU priority, so that they take the cores the stream threads leave idle
 * instead of competing with them. Kafka Streams' stores use universal compaction, which now and then merges a whole
 * store: in {@code newsflow bench} one such merge of publish's 280 MB {@code latest-versions} took 0.5-0.7 of a core
 * for ~3 s while the services used 65 % of the two cores at 500 articles/s, the stream threads fell behind, and that
 * episode alone was the run's p99 (docs/performance.md, "Session 7").
 *
 * <p>A rate limit was tried first and made things worse: RocksDB's limiter also throttles memtable flushes, which a
 * stream thread waits for when it checkpoints, and publish stalled for over a second. Priority costs no throughput:
 * a compaction still gets a whole core when one is free. Flushes (RocksDB's high pool) keep their priority.
 *
 * <p>Compactions run in the process-wide default {@link Env}'s low pool, shared by every store of every app in the
 * JVM, so this is set once per process; it is Linux's {@code nice} of those threads and does nothing elsewhere.
 */
public final class LowPriorityCompaction implements RocksDBConfigSetter {

    private static final class Once {
        static final Env ENV = Env.getDefault().lowerThreadPoolCPUPriority(Priority.LOW);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setEnv(Once.ENV);
    }

    @Override
    public void close(String storeName, Options options) {
        // The default Env belongs to the process, not to this store: nothing to free.
    }
}
