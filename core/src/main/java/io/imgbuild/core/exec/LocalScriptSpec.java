package io.imgbuild.core.exec;

import io.imgbuild.core.config.ComponentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the shell-local provisioner and post-processor both run: commands or scripts on the build
 * host, with Packer's options. Read from a checked config; {@link #check} reports what the schema
 * cannot say.
 *
 * @param inline         commands for one temporary script (from inline or command), or null
 * @param scripts        local script files, or empty
 * @param executeCommand the command line template, one argument per item
 */
public record LocalScriptSpec(List<String> inline, List<Path> scripts, List<String> executeCommand,
                              Map<String, String> environment, String envVarFormat, String inlineShebang,
                              List<String> onlyOn, String tempfileExtension, List<Integer> validExitCodes) {

    static final List<String> DEFAULT_EXECUTE = List.of("/bin/sh", "-c", "{{.Vars}} {{.Script}}");
    static final String DEFAULT_ENV_FORMAT = "%s='%s' ";

    public static LocalScriptSpec from(ComponentConfig config) {
        JsonNode n = config.node();
        List<String> inline = null;
        if (n.has("inline")) {
            inline = strings(n.get("inline"));
        } else if (n.has("command")) {
            inline = List.of(n.get("command").asString());
        }
        List<Path> scripts = new ArrayList<>();
        if (n.has("script")) {
            scripts.add(config.resolvePath(n.get("script").asString()));
        }
        if (n.has("scripts")) {
            strings(n.get("scripts")).forEach(s -> scripts.add(config.resolvePath(s)));
        }
        List<String> execute = DEFAULT_EXECUTE;
        JsonNode ec = n.get("execute_command");
        if (ec != null && ec.isArray() && ec.size() == 1) {
            execute = List.of("/bin/sh", "-c", ec.get(0).asString()); // the old one-string form, as one shell line
        } else if (ec != null && ec.isArray()) {
            execute = strings(ec);
        } else if (ec != null && ec.isString()) {
            execute = List.of("/bin/sh", "-c", ec.asString()); // the old single-string form
        }
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode vars = n.path("environment_vars");
        for (int i = 0; i < vars.size(); i++) {
            String kv = vars.get(i).asString();
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                config.error(io.imgbuild.core.json.JsonPath.ROOT.key("environment_vars").index(i),
                        "\"" + kv + "\" is not NAME=value", "write each variable as NAME=value");
                continue;
            }
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        n.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        List<Integer> codes = new ArrayList<>();
        n.path("valid_exit_codes").forEach(c -> codes.add(c.asInt()));
        return new LocalScriptSpec(inline, List.copyOf(scripts), execute, env,
                n.path("env_var_format").asString(DEFAULT_ENV_FORMAT), n.path("inline_shebang").asString("/bin/sh -e"),
                strings(n.path("only_on")), n.path("tempfile_extension").asString(""),
                codes.isEmpty() ? List.of(0) : codes);
    }

    /** Exactly one source of commands, as Packer requires. */
    public static void check(ComponentConfig config) {
        int sources = 0;
        for (String k : new String[]{"command", "inline", "script", "scripts"}) {
            if (config.isSet(k)) {
                sources++;
            }
        }
        if (sources == 0) {
            config.errorHere("nothing to run: set one of command, inline, script or scripts", "e.g. \"inline\": [\"echo hi\"]");
        } else if (sources > 1) {
            config.errorHere("only one of command, inline, script and scripts may be set", "keep one of them");
        }
        if (config.isSet("use_linux_pathing") && config.node().path("use_linux_pathing").asBoolean()) {
            config.error("use_linux_pathing", "use_linux_pathing only applies on Windows hosts, which imgbuild does not"
                    + " support", "remove it");
        }
    }

    /** True when only_on excludes this host. */
    public boolean skipsThisHost() {
        if (onlyOn.isEmpty()) {
            return false;
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String goos = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os.contains("windows") ? "windows"
                : os.contains("freebsd") ? "freebsd" : os;
        return !onlyOn.contains(goos);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asString()));
        return out;
    }
}
