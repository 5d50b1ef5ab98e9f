package io.newsflow.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample article of the quick start, read from the repository's seeds/ folder. */
final class Seed {

    static final String FILE = "000_d5f5171de51368a9.txt";
    static final String HEADLINE = "Russia reset: On the U.S., Russia, their first major diplomatic interaction";
    static final String BODY_START = "The talks between U.S. and Russian officials in Riyadh";

    private Seed() {
    }

    static String text() {
        try {
            return Files.readString(Path.of("..", "seeds", FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
