package io.imgbuild.core.interpolate;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** "Did you mean" suggestions by edit distance, for misspelt function, variable and field names. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input}, if close enough: an edit distance of at most 2, or at
     * most a third of the input's length for long names. Case is ignored when measuring, so
     * {@code Name} suggests {@code name}. Ties go to the alphabetically first candidate.
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        int limit = Math.max(2, input.length() / 3);
        String lowered = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(candidates)) {
            int d = distance(lowered, candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code " (did you mean \"x\"?)"} or an empty string. */
    static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }

    /** Levenshtein distance, two rows at a time. */
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
