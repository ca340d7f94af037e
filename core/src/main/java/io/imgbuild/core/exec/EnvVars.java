package io.imgbuild.core.exec;

import java.util.Map;

/**
 * Renders environment variables as shell assignments for {@code {{.Vars}}}: with Packer's default
 * format {@code NAME='value' }, single quotes in values are closed, escaped and reopened, so spaces,
 * quotes and {@code $} reach the script unchanged.
 */
public final class EnvVars {

    private EnvVars() {
    }

    public static String format(Map<String, String> env, String format) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String value = format.contains("'%s'") ? e.getValue().replace("'", "'\"'\"'") : e.getValue();
            sb.append(String.format(format, e.getKey(), value));
        }
        return sb.toString().stripTrailing();
    }
}
