package io.newsflow.ingest;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Rejection;
import io.newsflow.contract.config.KafkaSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Ingests the files of a folder once, in name order. Files are only read, never moved or changed: the quick start's
 * {@code seeds/} must survive any number of runs. An article's id is its file name without the extension (when that
 * is a valid id), so ingesting the same file again names the same article.
 */
public final class DropFolder {

    private final InboundNormalizer normalizer;
    private final ArticleWriter writer;
    private final Clock clock;

    public DropFolder(InboundNormalizer normalizer, ArticleWriter writer, Clock clock) {
        this.normalizer = normalizer;
        this.writer = writer;
        this.clock = clock;
    }

    /** What became of one file: accepted under {@code id}, or rejected (and dead-lettered) for {@code rejection}. */
    public record FileResult(Path file, String id, Rejection rejection) {
        public boolean accepted() {
            return rejection == null;
        }
    }

    /** The article files of a folder: regular, not hidden, sorted by name. */
    public static List<Path> articleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Reads one file into the message ingest would have received for it; its origin is the file's absolute path. Of
     * a file larger than a topic takes, only the first {@link #READ_LIMIT} bytes are read: enough to reject it as too
     * large and dead-letter its beginning, without holding gigabytes in memory (or failing on a file over 2 GiB).
     */
    public static InboundMessage readFile(Path file, Clock clock) {
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        try (InputStream in = Files.newInputStream(file)) {
            return new InboundMessage(stem, in.readNBytes(READ_LIMIT), ContentTypes.forFileName(name),
                    "folder:" + folderName(file), null, file.toAbsolutePath().toString(), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** What {@link #readFile} reads at most: one byte more than any topic takes, so that a larger file shows. */
    static final int READ_LIMIT = KafkaSettings.MAX_TOPIC_RECORD_BYTES + 1;

    /** Sends every file and returns once the broker acknowledged each write (or rejection). */
    public List<FileResult> ingest(Path dir) {
        List<FileResult> results = new ArrayList<>();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (Path file : articleFiles(dir)) {
            InboundMessage message = readFile(file, clock);
            Outcome<RawArticle> outcome = normalizer.normalize(message);
            if (outcome instanceof Outcome.Accepted<RawArticle> accepted) {
                writes.add(writer.submit(message, accepted.value(), null));
                results.add(new FileResult(file, accepted.value().id(), null));
            } else {
                Rejection rejection = ((Outcome.Rejected<RawArticle>) outcome).rejection();
                writes.add(deadLetter(message, rejection));
                results.add(new FileResult(file, idOf(message), rejection));
            }
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        return results;
    }

    /** Dead-letters a rejected file's bytes (as {@link #readFile} read them) with the reason and its path. */
    CompletableFuture<?> deadLetter(InboundMessage message, Rejection rejection) {
        return writer.reject(message.value(), sizeOf(message), rejection, message.origin(), idOf(message));
    }

    /** The file's size on disk; what was read of it if it is gone meanwhile. */
    private static long sizeOf(InboundMessage message) {
        try {
            return Files.size(Path.of(message.origin()));
        } catch (IOException | RuntimeException e) {
            return message.value().length;
        }
    }

    static String idOf(InboundMessage message) {
        return ArticleIds.isValid(message.key()) ? message.key() : null;
    }

    private static String folderName(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "/" : parent.getFileName().toString();
    }
}
