package io.newsflow.publish.feed;

import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.contract.ninjs.NinjsDocument.AltId;
import io.newsflow.contract.ninjs.NinjsDocument.Body;
import io.newsflow.contract.ninjs.NinjsDocument.Description;
import io.newsflow.contract.ninjs.NinjsDocument.Entity;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The articles the feed tests serve: the sample seed as the pipeline publishes it, and a hostile one. */
final class FeedFixtures {

    static final String SEED_HEADLINE =
            "Russia reset: On the U.S., Russia, their first major diplomatic interaction";
    static final String SEED_URI = "urn:newsflow:article:000_d5f5171de51368a9";
    /** Markup, a script URL, a CDATA end, CR/LF and a NUL: everything a feed writer could trip over. */
    static final String HOSTILE_TEXT = "<script>alert(1)</script> & <img src=x onerror=alert(1)> "
            + "[click](javascript:alert(1)) ]]> line one\r\nline two\u0000 end";
    /** What every feed must show of it: the same text without the NUL, which XML 1.0 cannot carry. */
    static final String HOSTILE_TEXT_IN_FEEDS = HOSTILE_TEXT.replace("\u0000", "");
    static final String HOSTILE_URI = "urn:newsflow:article:hostile-1";

    private FeedFixtures() {
    }

    /**
     * The seed ({@code seeds/000_d5f5171de51368a9.txt}) as ninjs: its text read from the file (ad markers dropped, the
     * trailing headline line as the headline), with the entities, topics and summary enrich finds in it.
     */
    static NinjsDocument seed() {
        List<String> lines = seedLines().stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("[ad_")).toList();
        String headline = lines.get(lines.size() - 1);
        if (!headline.equals(SEED_HEADLINE)) {
            throw new IllegalStateException("the seed's last line is no longer its headline: " + headline);
        }
        String body = String.join("\n\n", lines.subList(0, lines.size() - 1));
        return new NinjsDocument(SEED_URI, "1", "text", "usable", "en",
                List.of(new Headline("main", "text/plain", headline)),
                List.of(new Body("main", "text/plain", body, 436, body.length())),
                "2026-11-24T09:00:00Z", "2026-11-24T09:00:00Z",
                entities("Marco Rubio", "Sergei Lavrov", "Donald Trump", "Vladimir Putin", "Pete Hegseth",
                        "Henry Kissinger"),
                entities("NATO"),
                entities("Riyadh", "Russia", "Ukraine", "China", "Europe"),
                List.of(new Subject("politics", "http://cv.iptc.org/newscodes/mediatopic/11000000", "about", 90),
                        new Subject("conflict, war and peace", "http://cv.iptc.org/newscodes/mediatopic/16000000",
                                "about", 70),
                        new Subject("russia reset", null, "keyword", null),
                        new Subject("diplomatic interaction", null, "keyword", null)),
                null, null, null, null,
                List.of(new Description("summary", "text/plain", "The talks between U.S. and Russian officials in "
                        + "Riyadh, their first major diplomatic interaction since Russia’s invasion of Ukraine in "
                        + "2022, marks the beginning of a reset in ties between the two former Cold War adversaries.")),
                List.of(new AltId("sha256", "9c1f0e3b"), new AltId("simhash", "00ff00ff00ff00ff")));
    }

    /** An article whose every text is hostile, published after the seed, with a {@code javascript:} source URL. */
    static NinjsDocument hostile() {
        return new NinjsDocument(HOSTILE_URI, "2", "text", "usable", "en",
                List.of(new Headline("main", "text/plain", HOSTILE_TEXT)),
                List.of(new Body("main", "text/plain", HOSTILE_TEXT, 12, HOSTILE_TEXT.length())),
                "2026-11-24T10:00:00Z", "2026-11-24T10:30:00.250Z",
                entities("<b>Mallory</b>"), null, null,
                List.of(new Subject("]]><x>", null, "keyword", null)),
                null, null, "<i>Eve</i>\u0000", null,
                List.of(new Description("summary", "text/plain", HOSTILE_TEXT)),
                List.of(new AltId("source-url", "javascript:alert(1)")));
    }

    /** A plain article in German, published before the seed. */
    static NinjsDocument german(String id, String versionCreated) {
        return NinjsDocument.basic("urn:newsflow:article:" + id, "1", "de",
                List.of(new Headline("main", "text/plain", "Hochwasser im Norden " + id)),
                List.of(new Body("main", "text/plain", "Starker Regen überflutete Straßen.", 4, 34)),
                versionCreated, versionCreated);
    }

    private static List<Entity> entities(String... names) {
        return java.util.Arrays.stream(names).map(name -> new Entity(name, null, null)).toList();
    }

    private static List<String> seedLines() {
        Path seed = Path.of("..", "seeds", "000_d5f5171de51368a9.txt");
        try {
            return Files.readAllLines(seed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the feed tests read the sample seed from " + seed.toAbsolutePath(), e);
        }
    }
}
