package io.imgbuild.core.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one ("ssh_usrname" → "ssh_username"). */
public final class DidYouMean {

    private DidYouMean() {
    }

    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || typed.isEmpty()) {
            return Optional.empty();
        }
        String lower = typed.toLowerCase();
        int budget = Math.max(2, typed.length() / 3);
        return known.stream()
                .filter(k -> !k.equals(typed))
                .map(k -> new Scored(k, distance(lower, k.toLowerCase())))
                .filter(s -> s.distance <= budget)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name);
    }

    /** " (did you mean "x"?)" or "" — ready to append to a message. */
    public static String suffix(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> "; did you mean \"" + s + "\"?").orElse("");
    }

    private record Scored(String name, int distance) {
    }

    /** Optimal string alignment distance: Levenshtein plus swapped neighbours, a common typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
