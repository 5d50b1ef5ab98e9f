package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.faults.PublishedVerifier.Published;
import io.newsflow.launcher.faults.PublishedVerifier.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fault tests' judge catches each kind of failure it is there to catch, and passes a clean run. */
class PublishedVerifierTest {

    private static final Map<String, List<String>> SENT = Map.of(
            "a", List.of("hash-a1"),
            "b", List.of("hash-b1", "hash-b2"));

    @Test
    void passesEveryVersionPublishedOnceInOrder() {
        Verdict verdict = PublishedVerifier.judge(SENT, List.of(
                published("b", 1, "hash-b1"), published("a", 1, "hash-a1"), published("b", 2, "hash-b2")));

        assertThat(verdict.clean()).as(verdict.summary()).isTrue();
        assertThat(verdict.expectedRecords()).isEqualTo(3);
        assertThat(verdict.publishedRecords()).isEqualTo(3);
    }

    @Test
    void reportsAnArticleNeverPublishedAndAVersionMissingAsLost() {
        Verdict verdict = PublishedVerifier.judge(SENT, List.of(published("b", 1, "hash-b1")));

        assertThat(verdict.lost()).containsExactly("a", "b");
        assertThat(verdict.clean()).isFalse();
    }

    @Test
    void reportsAVersionPublishedTwiceAsDuplicated() {
        Verdict verdict = PublishedVerifier.judge(SENT, List.of(published("a", 1, "hash-a1"),
                published("a", 1, "hash-a1"), published("b", 1, "hash-b1"), published("b", 2, "hash-b2")));

        assertThat(verdict.duplicated()).containsExactly("a");
        assertThat(verdict.lost()).isEmpty();
        assertThat(verdict.clean()).isFalse();
    }

    @Test
    void reportsVersionsPublishedInTheWrongOrder() {
        Verdict verdict = PublishedVerifier.judge(SENT, List.of(published("a", 1, "hash-a1"),
                published("b", 2, "hash-b2"), published("b", 1, "hash-b1")));

        assertThat(verdict.outOfOrder()).containsExactly("b");
        assertThat(verdict.clean()).isFalse();
    }

    @Test
    void reportsContentThatIsNotWhatWasSentAsAltered() {
        Verdict verdict = PublishedVerifier.judge(SENT, List.of(published("a", 1, "hash-of-something-else"),
                published("b", 1, "hash-b1"), published("b", 2, "hash-b2")));

        assertThat(verdict.altered()).containsExactly("a");
        assertThat(verdict.clean()).isFalse();
    }

    @Test
    void reportsArticlesNobodySentAsUnexpected() {
        Verdict verdict = PublishedVerifier.judge(SENT, List.of(published("a", 1, "hash-a1"),
                published("b", 1, "hash-b1"), published("b", 2, "hash-b2"), published("z", 1, "hash-z1")));

        assertThat(verdict.unexpected()).containsExactly("z");
        assertThat(verdict.clean()).isFalse();
    }

    @Test
    void hashesASentBodyAndItsPublishedFormAlike() {
        assertThat(GeneratedArticles.contentHash("One paragraph.\n\nTwo  paragraphs.\n"))
                .isEqualTo(GeneratedArticles.contentHash("One paragraph. Two paragraphs."))
                .isNotEqualTo(GeneratedArticles.contentHash("One paragraph. Three paragraphs."));
    }

    private static Published published(String id, int version, String hash) {
        return new Published(id, version, hash, "usable");
    }
}
