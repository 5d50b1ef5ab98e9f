package io.newsflow.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the word lists shipped in this module's resources: one entry a line, {@code #} starts a comment line. */
final class Resources {

    private Resources() {
    }

    static List<String> lines(String path) {
        InputStream stream = Resources.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("resource " + path + " is missing from enrich-service");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    lines.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
        return lines;
    }
}
