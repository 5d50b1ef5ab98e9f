package io.newsflow.contract.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name a mistyped one most likely meant: a few edits away, or nothing (a wild guess misleads). */
final class ClosestName {

    private ClosestName() {
    }

    static Optional<String> among(String typed, Collection<String> known) {
        int allowed = Math.max(2, typed.length() / 6);
        return known.stream()
                .filter(name -> distance(typed, name) <= allowed)
                .min(Comparator.comparingInt((String name) -> distance(typed, name)).thenComparing(name -> name));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
