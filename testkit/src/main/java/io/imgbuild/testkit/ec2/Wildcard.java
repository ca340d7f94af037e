package io.imgbuild.testkit.ec2;

/** EC2's filter patterns: {@code *} any run of characters, {@code ?} one character, backslash escapes. */
final class Wildcard {

    private Wildcard() {}

    static boolean matches(String pattern, String value) {
        return matches(pattern, 0, value, 0);
    }

    private static boolean matches(String pattern, int p, String value, int v) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                while (p < pattern.length() && pattern.charAt(p) == '*') {
                    p++;
                }
                if (p == pattern.length()) {
                    return true;
                }
                for (int start = v; start <= value.length(); start++) {
                    if (matches(pattern, p, value, start)) {
                        return true;
                    }
                }
                return false;
            }
            if (v >= value.length()) {
                return false;
            }
            if (c == '?') {
                p++;
                v++;
                continue;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                c = pattern.charAt(++p);
            }
            if (c != value.charAt(v)) {
                return false;
            }
            p++;
            v++;
        }
        return v == value.length();
    }
}
