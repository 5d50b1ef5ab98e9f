package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.EnrichedArticle.EntityMention;
import io.newsflow.contract.Json;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enrichment quality on the labeled corpus ({@code src/test/resources/corpus}, see its README): prints a table per
 * article and fails under the targets: headline exact match ≥ 95%, boilerplate leaks 0, lost sentences 0, language
 * accuracy ≥ 95%, English people/organisations/places precision ≥ 0.85 and recall ≥ 0.80.
 */
class CorpusQualityTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

    record Label(String file, String source, String format, String language, String headline, String byline,
                 String dateline, List<String> mustSurvive, List<String> mustNotContain, List<String> people,
                 List<String> organisations, List<String> places, List<String> subjects) {
    }

    /** True and false positives of one entity type, over the English articles. */
    static final class Score {
        int truePositives;
        int predicted;
        int expected;
        final List<String> missed = new ArrayList<>();
        final List<String> spurious = new ArrayList<>();

        void add(List<String> expectedNames, List<EntityMention> found) {
            Set<String> gold = expectedNames.stream().map(CorpusQualityTest::key).collect(Collectors.toSet());
            Set<String> got = found.stream().map(m -> key(m.name())).collect(Collectors.toSet());
            Set<String> hit = new HashSet<>(got);
            hit.retainAll(gold);
            gold.stream().filter(name -> !got.contains(name)).forEach(missed::add);
            got.stream().filter(name -> !gold.contains(name)).forEach(spurious::add);
            truePositives += hit.size();
            predicted += got.size();
            expected += gold.size();
        }

        double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        double recall() {
            return expected == 0 ? 1 : (double) truePositives / expected;
        }
    }

    private static List<Label> labels;

    @BeforeAll
    static void readLabels() throws IOException {
        labels = Json.mapper().readValue(CORPUS.resolve("labels.json").toFile(), new TypeReference<List<Label>>() {
        });
    }

    @Test
    void meetsTheQualityTargetsOnTheLabeledCorpus() throws IOException {
        int headlines = 0;
        int languages = 0;
        List<String> leaks = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        Score people = new Score();
        Score organisations = new Score();
        Score places = new Score();
        java.util.Map<String, Score[]> otherLanguages = new java.util.TreeMap<>();
        StringBuilder table = new StringBuilder(String.format("%n%-34s %-5s %-8s %-5s %-5s %-4s %s%n",
                "article", "lang", "headline", "leaks", "lost", "ents", "subjects"));
        for (Label label : labels) {
            EnrichedArticle article = enrich(label);
            String text = normalize(article.headline() + "\n" + article.body());
            boolean headlineOk = normalize(article.headline()).equals(normalize(label.headline()));
            headlines += headlineOk ? 1 : 0;
            languages += article.language().equals(label.language()) ? 1 : 0;
            int articleLeaks = 0;
            for (String banned : label.mustNotContain()) {
                if (text.contains(normalize(banned))) {
                    leaks.add(label.file() + ": " + banned);
                    articleLeaks++;
                }
            }
            int articleLost = 0;
            for (String sentence : label.mustSurvive()) {
                if (!normalize(article.body()).contains(normalize(sentence))) {
                    lost.add(label.file() + ": " + sentence);
                    articleLost++;
                }
            }
            if (label.language().equals("en")) {
                people.add(label.people(), article.people());
                organisations.add(label.organisations(), article.organisations());
                places.add(label.places(), article.places());
            } else {
                Score[] scores = otherLanguages.computeIfAbsent(label.language(),
                        k -> new Score[] {new Score(), new Score(), new Score()});
                scores[0].add(label.people(), article.people());
                scores[1].add(label.organisations(), article.organisations());
                scores[2].add(label.places(), article.places());
            }
            table.append(String.format("%-34s %-5s %-8s %-5d %-5d %-4d %s%n", label.file(),
                    article.language() + (article.language().equals(label.language()) ? "" : "!"),
                    headlineOk ? "ok" : "MISS", articleLeaks, articleLost,
                    article.people().size() + article.organisations().size() + article.places().size(),
                    article.subjects().stream().map(s -> s.name() + " " + s.relevance()).toList()));
            if (!headlineOk) {
                table.append("    headline: ").append(article.headline()).append('\n');
            }
        }
        double headlineRate = (double) headlines / labels.size();
        double languageRate = (double) languages / labels.size();
        table.append(String.format("%narticles %d, headline exact %.3f, language %.3f, leaks %d, lost %d%n",
                labels.size(), headlineRate, languageRate, leaks.size(), lost.size()));
        table.append(String.format("English entities: people P %.3f R %.3f, organisations P %.3f R %.3f, "
                        + "places P %.3f R %.3f%n", people.precision(), people.recall(), organisations.precision(),
                organisations.recall(), places.precision(), places.recall()));
        otherLanguages.forEach((language, scores) -> table.append(String.format(
                "%s entities (reported, no target): people P %.3f R %.3f, organisations P %.3f R %.3f, "
                        + "places P %.3f R %.3f%n", language, scores[0].precision(), scores[0].recall(),
                scores[1].precision(), scores[1].recall(), scores[2].precision(), scores[2].recall())));
        for (var entry : java.util.Map.of("people", people, "organisations", organisations, "places", places)
                .entrySet()) {
            table.append("  ").append(entry.getKey()).append(" missed: ").append(entry.getValue().missed)
                    .append("\n  ").append(entry.getKey()).append(" spurious: ").append(entry.getValue().spurious)
                    .append('\n');
        }
        leaks.forEach(leak -> table.append("  leak: ").append(leak).append('\n'));
        lost.forEach(sentence -> table.append("  lost: ").append(sentence).append('\n'));
        System.out.println(table);

        assertThat(labels).hasSizeGreaterThanOrEqualTo(25);
        assertThat(labels.stream().map(Label::language).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(headlineRate).as("headline exact match").isGreaterThanOrEqualTo(0.95);
        assertThat(leaks).as("boilerplate leaks").isEmpty();
        assertThat(lost).as("lost sentences").isEmpty();
        assertThat(languageRate).as("language accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(people.precision()).as("people precision").isGreaterThanOrEqualTo(0.85);
        assertThat(people.recall()).as("people recall").isGreaterThanOrEqualTo(0.80);
        assertThat(organisations.precision()).as("organisations precision").isGreaterThanOrEqualTo(0.85);
        assertThat(organisations.recall()).as("organisations recall").isGreaterThanOrEqualTo(0.80);
        assertThat(places.precision()).as("places precision").isGreaterThanOrEqualTo(0.85);
        assertThat(places.recall()).as("places recall").isGreaterThanOrEqualTo(0.80);
    }

    private static EnrichedArticle enrich(Label label) throws IOException {
        String payload = Files.readString(CORPUS.resolve(label.file()), StandardCharsets.UTF_8).replace("\r\n", "\n");
        RawArticle raw = new RawArticle(label.file().replaceAll("\\.[a-z]+$", ""), "corpus",
                Instant.parse("2026-11-24T09:00:00Z"), ContentTypes.forFileName(label.file()), payload);
        Outcome<EnrichedArticle> outcome = TestEnricher.INSTANCE.enrich(raw);
        assertThat(outcome).as(label.file()).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<EnrichedArticle>) outcome).value();
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    private static String key(String name) {
        return normalize(name).toLowerCase(Locale.ROOT).replaceFirst("^the ", "");
    }
}
