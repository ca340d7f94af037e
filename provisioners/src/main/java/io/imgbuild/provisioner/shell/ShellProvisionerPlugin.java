package io.imgbuild.provisioner.shell;

import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.ProvisionerPlugin;
import io.imgbuild.provisioner.support.ProvisionerSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code shell} provisioner: checks its config (exactly one of inline, script, scripts; well-formed
 * environment variables). Running scripts on the guest needs the SSH communicator, not written yet.
 */
public final class ShellProvisionerPlugin implements ProvisionerPlugin {

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
        return NotYetImplemented.guestProvisioner(type());
    }
}
