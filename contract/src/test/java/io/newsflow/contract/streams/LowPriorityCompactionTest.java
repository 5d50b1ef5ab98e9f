package io.newsflow.contract.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class LowPriorityCompactionTest {

    private static final Path THREADS = Path.of("/proc/self/task");

    @TempDir
    Path dir;

    @Test
    void aStoresCompactionRunsInAThreadOfTheLowestCpuPriority() throws Exception {
        assumeTrue(Files.isDirectory(THREADS), "thread priorities are read from Linux's /proc");
        RocksDB.loadLibrary();
        try (Options options = new Options().setCreateIfMissing(true);
             FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            new LowPriorityCompaction().setConfig("latest-versions", options, Map.of());
            try (RocksDB db = RocksDB.open(options, dir.toString())) {
                for (int file = 0; file < 3; file++) {
                    db.put(("key-" + file).getBytes(StandardCharsets.UTF_8), new byte[1024]);
                    db.flush(flush);
                }
                db.compactRange(); // run by a thread of the low pool, which takes its priority before the job
            }
        }

        assertThat(compactionThreadNiceness()).contains(19);
    }

    /** The nice value of each of RocksDB's compaction threads ({@code rocksdb:low}) in this process. */
    private static List<Integer> compactionThreadNiceness() throws IOException {
        try (Stream<Path> threads = Files.list(THREADS)) {
            return threads.map(thread -> read(thread.resolve("stat")))
                    .filter(stat -> stat.contains("(rocksdb:low)"))
                    // Fields after the name: state is the 1st, nice the 17th (proc(5): field 19 of the line).
                    .map(stat -> Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // the thread ended between the listing and the read
        }
    }
}
