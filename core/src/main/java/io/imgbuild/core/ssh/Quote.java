package io.imgbuild.core.ssh;

/** Quoting for POSIX shells: any string becomes one word, whatever it contains. */
final class Quote {

    private Quote() {
    }

    static String sh(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
