package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Env;
import io.newsflow.ingest.IngestConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichFilesCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final EnrichFilesCommand command = new EnrichFilesCommand(IngestConfig.fromEnv(new Env(Map.of())),
            Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    @Test
    void printsTheSeedsNinjsDocumentAsOneLine() throws Exception {
        assertThat(command.run(List.of(SeedArticle.FILE))).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        SeedArticle.assertIsSeedDocument(lines.get(0));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void rejectsBinaryAndUndecodableFilesNamingTheReason() throws Exception {
        Path binary = Files.write(tmp.resolve("image.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 20, 0, 6, 0});
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(command.run(List.of(binary, latin1))).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "newsflow: " + binary + ": rejected: binary-content: the article is not text: it is full of control "
                        + "characters",
                "newsflow: " + latin1 + ": rejected: invalid-utf8: the article is not valid UTF-8 (bad byte near "
                        + "offset 3); send UTF-8 text");
    }

    @Test
    void printsEachGoodFileInOrderAndExplainsTheRejectedOnes() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "[ad_1]\n[ad_2]\n");
        Path other = Files.writeString(tmp.resolve("other.txt"), "Other title\nOther body.");

        assertThat(command.run(List.of(other, empty, SeedArticle.FILE))).isEqualTo(1);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"uri\":\"urn:newsflow:article:other\"");
        SeedArticle.assertIsSeedDocument(lines.get(1));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("newsflow: " + empty + ": rejected: "
                + "no-article-text: nothing is left of the article once ad markers and markup are removed\n");
    }
}
