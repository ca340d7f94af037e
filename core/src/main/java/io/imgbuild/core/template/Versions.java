package io.imgbuild.core.template;

/** Compares dotted versions such as 1.6.6 and 1.10.0 numerically (a "v" prefix and suffixes like -rc1 ignored). */
final class Versions {

    private Versions() {
    }

    static int compare(String a, String b) {
        int[] x = parse(a);
        int[] y = parse(b);
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int[] parse(String v) {
        String s = v.trim();
        if (s.startsWith("v")) {
            s = s.substring(1);
        }
        int dash = s.indexOf('-');
        if (dash >= 0) {
            s = s.substring(0, dash);
        }
        String[] parts = s.split("\\.");
        if (parts.length == 0 || parts.length > 3) {
            throw new IllegalArgumentException(v);
        }
        int[] out = new int[3];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("\\d{1,6}")) {
                throw new IllegalArgumentException(v);
            }
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }
}
