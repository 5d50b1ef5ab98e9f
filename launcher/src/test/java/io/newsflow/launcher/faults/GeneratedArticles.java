package io.newsflow.launcher.faults;

import io.newsflow.contract.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Articles for fault tests: each a JSON envelope with its own id and a body no other article has (exact duplicates
 * are refused by publish by design), deterministic from its number and version so a run can be repeated.
 */
final class GeneratedArticles {

    private static final String[] SENTENCES = {
        "The city council met on Tuesday to debate the new budget for public transport.",
        "Officials said the proposal would add three bus lines and extend night service.",
        "Residents of the northern districts have asked for better connections for years.",
        "The finance committee warned that fuel costs could rise again next winter.",
        "Several members called for a review of the contracts signed last spring.",
        "A spokesperson for the transport authority declined to comment on the figures.",
        "Local businesses welcomed the plan but asked for shorter construction periods.",
        "The opposition said the timetable was too optimistic and the costs too low.",
        "Engineers expect the first new line to open before the end of next year.",
        "Students from the university collected signatures in support of the proposal.",
        "The regional government has promised to cover a third of the investment.",
        "Weather delayed work on the bridge, which is now expected to reopen in March.",
        "Hospital staff said night buses would help workers on late shifts get home.",
        "The mayor told reporters that the vote would take place before the summer.",
        "Cyclists asked that the new roads include protected lanes along the river.",
        "An independent audit found that maintenance had been postponed since 2019.",
        "The union representing drivers said it would study the plan in detail.",
        "Parents in the southern suburbs hope for a direct line to the schools.",
        "Critics pointed out that ticket prices have risen twice in three years.",
        "The council will publish the full report on its website next week.",
    };

    private GeneratedArticles() {
    }

    /** The id of article number {@code n} of a run. */
    static String id(String run, int n) {
        return run + "-" + n;
    }

    /** The body of one version of one article: paragraphs of ordinary sentences plus one only this version has. */
    static String body(String run, int n, int version) {
        Random random = new Random(31L * n + version);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Report " + n + " of run " + run + ", version " + version + ", was filed by the city desk.");
        for (int p = 0; p < 3; p++) {
            paragraphs.add(SENTENCES[random.nextInt(SENTENCES.length)] + " "
                    + SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        return String.join("\n\n", paragraphs);
    }

    /** The envelope sent to news.inbound for one version of one article. */
    static byte[] envelope(String run, int n, int version) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id(run, n));
        envelope.put("source", "fault-test");
        envelope.put("title", "Council debates transport budget, report " + n);
        envelope.put("body", body(run, n, version));
        envelope.put("language", "en");
        try {
            return Json.mapper().writeValueAsBytes(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a body with its white space collapsed: what was sent and what was published compare equal. */
    static String contentHash(String body) {
        String normalized = body.strip().replaceAll("\\s+", " ");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
