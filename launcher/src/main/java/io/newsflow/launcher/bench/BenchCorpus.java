package io.newsflow.launcher.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The articles the benchmark sends: the seed and enrich-service's test corpus (copied into the launcher at build time
 * as {@code bench/corpus/}), cycled. Copy {@code n} has id {@code bench-n} and {@code " (copy n)"} inserted into its
 * first sentence: publish drops a body it has already published under another id as a duplicate, so
 * every copy must differ (it is published as a near duplicate of the first, which is ordinary work for publish).
 */
final class BenchCorpus {

    static final String RESOURCE = "bench/corpus";
    private static final String MARK = "@@copy@@";
    private static final Pattern SENTENCE_END = Pattern.compile("\\p{Ll}{3}(\\.) ");

    /** One corpus file, split where each copy's mark goes. */
    private record Template(String name, String contentType, String before, String after) {
        int size() {
            return before.getBytes(StandardCharsets.UTF_8).length + after.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private final List<Template> templates;

    private BenchCorpus(List<Template> templates) {
        if (templates.isEmpty()) {
            throw new IllegalStateException("the benchmark corpus (" + RESOURCE + ") is empty");
        }
        this.templates = List.copyOf(templates);
    }

    /** The corpus shipped in the launcher (a jar or, in tests, target/classes). */
    static BenchCorpus load() {
        var url = BenchCorpus.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path: build the launcher with Maven");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return fromDirectory(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return fromDirectory(jar.getPath(RESOURCE));
            } catch (FileSystemAlreadyExistsException e) {
                return fromDirectory(FileSystems.getFileSystem(uri).getPath(RESOURCE));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the benchmark corpus " + url, e);
        }
    }

    static BenchCorpus fromDirectory(Path dir) {
        List<Template> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                templates.add(template(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark corpus in " + dir, e);
        }
        return new BenchCorpus(templates);
    }

    int size() {
        return templates.size();
    }

    /** The mean size of a corpus file in bytes. */
    double meanBytes() {
        return templates.stream().mapToInt(Template::size).average().orElse(0);
    }

    /** Copy {@code n} (from 0): corpus file {@code n mod size}, id {@code bench-n}, marked as copy {@code n}. */
    BenchArticle article(long n) {
        Template template = templates.get((int) (n % templates.size()));
        String text = template.before() + " (copy " + n + ")" + template.after();
        return new BenchArticle("bench-" + n, template.contentType(), text.getBytes(StandardCharsets.UTF_8));
    }

    private static Template template(String name, String text) {
        String contentType = ContentTypes.forFileName(name);
        String marked = contentType.equals(ContentTypes.JSON) ? markJsonBody(name, text) : mark(name, text);
        int at = marked.indexOf(MARK);
        return new Template(name, contentType, marked.substring(0, at), marked.substring(at + MARK.length()));
    }

    /** The mark goes into the envelope's body, so the JSON stays valid and the body differs. */
    private static String markJsonBody(String name, String text) {
        try {
            ObjectNode envelope = (ObjectNode) Json.mapper().readTree(text);
            envelope.put("body", mark(name, envelope.path("body").asText()));
            return Json.mapper().writeValueAsString(envelope);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("benchmark corpus file " + name + " is not a JSON envelope", e);
        }
    }

    /**
     * Before the end of the first sentence: a full stop after a word of three or more lower-case letters (so not
     * "U.S." or "Dr."), followed by a space.
     */
    private static String mark(String name, String text) {
        Matcher sentenceEnd = SENTENCE_END.matcher(text);
        if (!sentenceEnd.find()) {
            throw new IllegalStateException("benchmark corpus file " + name + " has no sentence end to mark its "
                    + "copies in");
        }
        int at = sentenceEnd.start(1);
        return text.substring(0, at) + MARK + text.substring(at);
    }
}
