package io.newsflow.enrich.bench;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Json;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.LinguaLanguageDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the enriched output of many inputs, one line each, so a speed change can be checked to change no byte of
 * output: run it before and after, and compare the files. The inputs are the labeled corpus and the seed, each as
 * sent, read as plain text, upper- and lower-cased, cut in half (both halves), and every paragraph of each on its
 * own (short texts: undetermined languages, one-sentence articles). The clock is fixed.
 *
 * <pre>
 * mvn -q -B -ntp -pl enrich-service -am test-compile
 * cd enrich-service &amp;&amp; java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     io.newsflow.enrich.bench.EnrichedOutputDump /tmp/enriched-before.txt
 * </pre>
 * ({@code cp.txt} from {@code mvn -pl enrich-service dependency:build-classpath -Dmdep.outputFile=cp.txt}, see the
 * module README.)
 */
public final class EnrichedOutputDump {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");

    private EnrichedOutputDump() {
    }

    public static void main(String[] args) throws IOException {
        ArticleEnricher enricher = new ArticleEnricher(new LinguaLanguageDetector(),
                Clock.fixed(Instant.parse("2026-11-24T09:00:01Z"), ZoneOffset.UTC));
        Map<String, RawArticle> inputs = inputs(Path.of("src/test/resources/corpus"), Path.of("../seeds"));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, RawArticle> input : inputs.entrySet()) {
                Outcome<?> outcome = enricher.enrich(input.getValue());
                Object value = outcome instanceof Outcome.Accepted<?> accepted ? accepted.value()
                        : ((Outcome.Rejected<?>) outcome).rejection();
                out.println(input.getKey() + "\t" + Json.mapper().writeValueAsString(value));
            }
        }
        System.out.println(inputs.size() + " inputs written to " + args[0]);
    }

    static Map<String, RawArticle> inputs(Path corpus, Path seeds) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(corpus, seeds)) {
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(f -> f.toString().matches(".*\\.(txt|html|json)$")
                        && !f.getFileName().toString().equals("labels.json")).sorted().forEach(files::add);
            }
        }
        Map<String, RawArticle> inputs = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            String type = ContentTypes.forFileName(name);
            put(inputs, name, type, text);
            put(inputs, name + "#text", ContentTypes.TEXT, text);
            put(inputs, name + "#upper", type, text.toUpperCase(Locale.ROOT));
            put(inputs, name + "#lower", type, text.toLowerCase(Locale.ROOT));
            int half = text.indexOf('\n', text.length() / 2);
            if (half > 0) {
                put(inputs, name + "#first-half", ContentTypes.TEXT, text.substring(0, half));
                put(inputs, name + "#second-half", ContentTypes.TEXT, text.substring(half + 1));
            }
            String[] paragraphs = text.split("\n\\s*\n");
            for (int i = 0; i < paragraphs.length; i++) {
                put(inputs, name + "#p" + i, ContentTypes.TEXT, paragraphs[i]);
            }
        }
        return inputs;
    }

    private static void put(Map<String, RawArticle> inputs, String key, String type, String text) {
        inputs.put(key, new RawArticle(key, "dump", RECEIVED, type, text));
    }
}
