package io.imgbuild.provisioner.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shell provisioner's options; defaults come from the schema. */
public record ShellConfig(List<String> inline, String script, List<String> scripts, boolean binary,
                          List<String> environmentVars, Map<String, String> env, String envVarFormat,
                          boolean useEnvVarFile, String executeCommand, String inlineShebang, String remoteFolder,
                          String remoteFile, String remotePath, boolean skipClean, Duration startRetryTimeout,
                          boolean expectDisconnect, List<Integer> validExitCodes, Duration pauseAfter) {

    public ShellConfig {
        inline = inline == null ? List.of() : List.copyOf(inline);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        environmentVars = environmentVars == null ? List.of() : List.copyOf(environmentVars);
        env = env == null ? Map.of() : new LinkedHashMap<>(env);
        validExitCodes = validExitCodes == null ? List.of(0) : List.copyOf(validExitCodes);
    }

    /** The local scripts to upload, in order (script, then scripts). */
    public List<String> allScripts() {
        List<String> out = new ArrayList<>();
        if (script != null && !script.isEmpty()) {
            out.add(script);
        }
        out.addAll(scripts);
        return out;
    }

    /** environment_vars, then env, as one map (env wins on a clash). */
    public Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : environmentVars) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        out.putAll(env);
        return out;
    }
}
