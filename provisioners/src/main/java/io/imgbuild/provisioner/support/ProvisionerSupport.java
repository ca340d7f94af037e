package io.imgbuild.provisioner.support;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.DidYouMean;
import java.util.List;
import java.util.Locale;

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
}
