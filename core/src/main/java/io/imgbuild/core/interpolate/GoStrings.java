package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.List;

/**
 * String operations with the exact semantics of Go's {@code strings} package, which Packer's
 * functions are built on (Java's own differ, e.g. on trailing empty parts and empty separators).
 */
final class GoStrings {

    private GoStrings() {
    }

    /**
     * Like Go's {@code strings.Split}: every part is kept, including empty ones; an empty
     * separator splits into single characters (code points).
     */
    static List<String> split(String s, String sep) {
        List<String> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            return parts;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /**
     * Like Go's {@code strings.Replace}: replaces the first {@code n} non-overlapping occurrences
     * of {@code old} (all of them when {@code n < 0}). An empty {@code old} matches at the start
     * and after each character.
     */
    static String replace(String s, String old, String replacement, long n) {
        if (old.equals(replacement) || n == 0) {
            return s;
        }
        long limit = n < 0 ? Long.MAX_VALUE : n;
        StringBuilder out = new StringBuilder(s.length());
        long done = 0;
        if (old.isEmpty()) {
            int i = 0;
            while (true) {
                if (done < limit) {
                    out.append(replacement);
                    done++;
                }
                if (i >= s.length()) {
                    return out.toString();
                }
                int next = s.offsetByCodePoints(i, 1);
                out.append(s, i, next);
                i = next;
            }
        }
        int from = 0;
        int at;
        while (done < limit && (at = s.indexOf(old, from)) >= 0) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
            done++;
        }
        if (done == 0) {
            return s;
        }
        return out.append(s, from, s.length()).toString();
    }

    /** Like Go's {@code strings.ToLower}: simple per-character mapping, independent of locale. */
    static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    /** Like Go's {@code strings.ToUpper}: simple per-character mapping (so "ß" stays "ß"). */
    static String toUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
        return out.toString();
    }
}
