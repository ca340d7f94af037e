package io.imgbuild.provisioner.shell;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.ProvisionerPlugin;
import io.imgbuild.provisioner.support.ProvisionerSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;

/**
 * The {@code shell} provisioner: uploads inline commands or local scripts to the guest and runs them
 * there (see {@link ShellProvisioner}). Checks its config first: exactly one of inline, script,
 * scripts; well-formed environment variables; a usable env_var_format.
 */
public final class ShellProvisionerPlugin implements ProvisionerPlugin {

    /** The pause between tries to upload and start a script while the guest cannot be reached. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    @Override
    public String type() {
        return "shell";
    }

    @Override
    public Provisioner prepare(ComponentConfig config) {
        ShellConfig c = config.bindChecked(ShellConfig.class);
        if (c == null) {
            return null;
        }
        List<String> sources = new ArrayList<>();
        if (!c.inline().isEmpty()) {
            sources.add("inline");
        }
        if (c.script() != null && !c.script().isEmpty()) {
            sources.add("script");
        }
        if (!c.scripts().isEmpty()) {
            sources.add("scripts");
        }
        if (sources.isEmpty()) {
            config.errorHere("nothing to run: set one of inline, script or scripts",
                    "e.g. \"inline\": [\"echo hello\"], or \"script\": \"scripts/setup.sh\"");
        } else if (sources.size() > 1) {
            config.error(sources.get(1), "only one of inline, script or scripts can be used, and this provisioner sets "
                    + String.join(" and ", sources), "keep one; scripts can list several files");
        }
        ProvisionerSupport.checkEnvironment(config, c.environmentVars(), c.env().keySet());
        checkEnvVarFormat(config, c.envVarFormat());
        return new ShellProvisioner(c, config.renderer(), config.workingDir(), config.isSet("execute_command"),
                RETRY_DELAY);
    }

    /** env_var_format is given a name and a value; a format that wants other arguments cannot work. */
    private static void checkEnvVarFormat(ComponentConfig config, String format) {
        if (format == null || format.isEmpty()) {
            return;
        }
        try {
            String.format(format, "NAME", "value");
        } catch (IllegalFormatException e) {
            config.error("env_var_format", "env_var_format \"" + format + "\" is not a usable format: " + e.getMessage(),
                    "use %s for the name and %s for the value, e.g. \"%s='%s' \"");
        }
    }
}
