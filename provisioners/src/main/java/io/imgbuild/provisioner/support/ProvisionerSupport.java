package io.imgbuild.provisioner.support;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.DidYouMean;
import io.imgbuild.core.step.StepFailure;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the guest-side provisioners (shell, file, salt-masterless, chef-solo) share. */
public final class ProvisionerSupport {

    private static final List<String> GUEST_OS_TYPES = List.of("unix", "windows");

    private ProvisionerSupport() {
    }

    /** {@code guest_os_type} is unix or windows, in any case. */
    public static void checkGuestOsType(ComponentConfig config, String value) {
        if (value == null || GUEST_OS_TYPES.contains(value.toLowerCase(Locale.ROOT))) {
            return;
        }
        config.error("guest_os_type", "guest_os_type must be unix or windows, not \"" + value + "\""
                + DidYouMean.suffix(value.toLowerCase(Locale.ROOT), GUEST_OS_TYPES), "set guest_os_type to unix or windows");
    }

    /** Every {@code environment_vars} entry is NAME=value with a name; every {@code env} key is non-empty. */
    public static void checkEnvironment(ComponentConfig config, List<String> environmentVars, Iterable<String> envKeys) {
        for (int i = 0; i < environmentVars.size(); i++) {
            String kv = environmentVars.get(i);
            if (kv == null || kv.indexOf('=') <= 0) {
                config.error(JsonPath.ROOT.key("environment_vars").index(i), "\"" + kv + "\" is not NAME=value",
                        "write each variable as NAME=value, e.g. \"DEBIAN_FRONTEND=noninteractive\"");
            }
        }
        for (String key : envKeys) {
            if (key.isEmpty()) {
                config.error(JsonPath.ROOT.key("env").key(key), "an environment variable needs a name",
                        "remove the entry with the empty name");
            }
        }
    }

    /**
     * Renders a config string that was left for build time because it uses {@code {{ build `X` }}}
     * (the config pipeline defers such strings whole). Any other string is returned unchanged: it was
     * rendered when the template was loaded, and rendering it again would read values as template text.
     */
    public static String renderDeferred(Renderer renderer, String text, Map<String, String> buildData)
            throws StepFailure {
        return renderer.renderDeferred(text, Map.of(), buildData);
    }

    /**
     * One word for a POSIX shell, whatever the text holds. A leading {@code ~/} stays outside the
     * quotes so the guest's shell still expands it to the home directory.
     */
    public static String shellQuote(String text) {
        String prefix = "";
        String rest = text;
        if (text.startsWith("~/")) {
            prefix = "~/";
            rest = text.substring(2);
        }
        if (!rest.isEmpty() && rest.chars().allMatch(ch -> Character.isLetterOrDigit(ch) && ch < 128
                || "/._-+=:,@%".indexOf(ch) >= 0)) {
            return prefix + rest;
        }
        return prefix + "'" + rest.replace("'", "'\"'\"'") + "'";
    }

    /** {@code dir/name} with exactly one slash between them. */
    public static String remoteJoin(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** The last element of a guest path, ignoring trailing slashes ("/a/b/" gives "b"). */
    public static String remoteBaseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
