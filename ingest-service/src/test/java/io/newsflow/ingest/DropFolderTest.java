package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.KafkaSettings;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void readsASmallFileWholeWithItsNameAsKeyAndItsPathAsOrigin() throws Exception {
        Path file = Files.writeString(tmp.resolve("story-1.txt"), "Title\nBody");

        InboundMessage message = DropFolder.readFile(file, CLOCK);

        assertThat(message.key()).isEqualTo("story-1");
        assertThat(new String(message.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Title\nBody");
        assertThat(message.origin()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(message.receivedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void readsOnlyTheBeginningOfAFileLargerThanAnyTopicTakes() throws Exception {
        // 3 GiB (sparse: no disk used). Read whole, it failed: no byte array holds more than 2 GiB.
        Path file = tmp.resolve("huge.txt");
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(3L * 1024 * 1024 * 1024);
        }

        InboundMessage message = DropFolder.readFile(file, CLOCK);

        assertThat(message.value()).hasSize(KafkaSettings.MAX_TOPIC_RECORD_BYTES + 1);
    }
}
