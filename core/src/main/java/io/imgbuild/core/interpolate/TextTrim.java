package io.imgbuild.core.interpolate;

/** White space as Go templates see it for trim markers: space, tab, carriage return, newline. */
final class TextTrim {

    private TextTrim() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Index of the first non-space char in {@code [from, to)}, or {@code to}. */
    static int skipLeading(String s, int from, int to) {
        int i = from;
        while (i < to && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just after the last non-space char in {@code [from, to)}, or {@code from}. */
    static int skipTrailing(String s, int from, int to) {
        int i = to;
        while (i > from && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
