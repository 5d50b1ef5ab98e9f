package io.newsflow.ingest;

import io.newsflow.contract.Service;
import io.newsflow.ingest.IngestGateway.BrokerUnavailable;
import io.newsflow.ingest.IngestGateway.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --watch DIR}: ingests files as they appear in DIR (or appear again, changed). A file is taken once its size
 * and modification time have held still for one scan (so a half-written file is not read); it moves to
 * {@code DIR/.processed/} once the broker acknowledged it, or to {@code DIR/.failed/} with {@code NAME.error.txt}
 * saying why (and its bytes go to news.dlq). When the broker is unreachable the file stays where it is and is tried
 * again on the next scan: nothing is moved that was not written. Polling rather than a WatchService: it behaves the
 * same on every file system, including network and container mounts where inotify events do not arrive.
 */
public final class DropFolderWatcher implements Service {

    public static final String PROCESSED = ".processed";
    public static final String FAILED = ".failed";
    static final Duration SCAN_INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(DropFolderWatcher.class);

    private record Seen(long size, FileTime modified) {
    }

    private final Path dir;
    private final IngestGateway gateway;
    private final DropFolder dropFolder;
    private final Clock clock;
    private final Map<Path, Seen> pending = new HashMap<>();
    private ScheduledExecutorService scanner;

    public DropFolderWatcher(Path dir, IngestGateway gateway, DropFolder dropFolder, Clock clock) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--watch: " + dir + " is not a directory");
        }
        this.dir = dir;
        this.gateway = gateway;
        this.dropFolder = dropFolder;
        this.clock = clock;
    }

    @Override
    public void start() {
        scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "drop-folder-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scanner.scheduleWithFixedDelay(() -> {
            try {
                scan();
            } catch (RuntimeException e) {
                LOG.error("scanning {} failed; trying again in {} ms", dir, SCAN_INTERVAL.toMillis(), e);
            }
        }, 0, SCAN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("watching {} for articles", dir);
    }

    @Override
    public void stop() {
        if (scanner != null) {
            scanner.shutdown();
            try {
                scanner.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One pass: takes every file that held still since the last pass; returns how many were moved. */
    synchronized int scan() {
        int moved = 0;
        List<Path> files = DropFolder.articleFiles(dir);
        pending.keySet().retainAll(files);
        for (Path file : files) {
            Seen now = seen(file);
            if (now == null || !now.equals(pending.put(file, now))) {
                continue; // new or still changing: look again next pass
            }
            if (take(file)) {
                pending.remove(file);
                moved++;
            }
        }
        return moved;
    }

    private boolean take(Path file) {
        InboundMessage message = DropFolder.readFile(file, clock);
        try {
            Submission submission = gateway.submit(message, null);
            if (submission.accepted()) {
                move(file, PROCESSED);
                LOG.info("ingested {} as {}", file.getFileName(), submission.id());
            } else {
                dropFolder.deadLetter(message, submission.rejection()).get();
                Path failed = move(file, FAILED);
                Files.writeString(failed.resolveSibling(failed.getFileName() + ".error.txt"),
                        submission.rejection().error() + ": " + submission.rejection().reason() + "\n",
                        StandardCharsets.UTF_8);
                LOG.warn("rejected {}: {}", file.getFileName(), submission.rejection().reason());
            }
            return true;
        } catch (BrokerUnavailable | java.util.concurrent.ExecutionException e) {
            LOG.warn("{} stays in {} until the broker is back: {}", file.getFileName(), dir, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file, e);
        }
    }

    private Path move(Path file, String folder) throws IOException {
        Path target = dir.resolve(folder).resolve(file.getFileName());
        Files.createDirectories(target.getParent());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Seen seen(Path file) {
        try {
            return new Seen(Files.size(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return null; // gone between listing and looking: nothing to take
        }
    }
}
