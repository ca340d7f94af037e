package io.imgbuild.core.util;

/** {@code ~} and {@code ~/x} in template paths mean the user's home directory, as in a shell. */
public final class HomePaths {

    private HomePaths() {
    }

    public static String expand(String path) {
        if (path != null && (path.equals("~") || path.startsWith("~/"))) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
