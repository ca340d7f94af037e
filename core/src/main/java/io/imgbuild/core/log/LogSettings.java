package io.imgbuild.core.log;

import java.util.Map;

/** What the environment asks of logging; imgbuild's variables win over Packer's. */
public record LogSettings(boolean enabled, String path, boolean trace) {

    public static LogSettings fromEnvironment(Map<String, String> env) {
        String flag = first(env, "IMGBUILD_LOG", "PACKER_LOG");
        boolean enabled = flag != null && !flag.isEmpty() && !flag.equals("0");
        String path = first(env, "IMGBUILD_LOG_PATH", "PACKER_LOG_PATH");
        return new LogSettings(enabled, path == null || path.isEmpty() ? null : path, "trace".equalsIgnoreCase(flag));
    }

    private static String first(Map<String, String> env, String a, String b) {
        String v = env.get(a);
        return v != null ? v : env.get(b);
    }
}
