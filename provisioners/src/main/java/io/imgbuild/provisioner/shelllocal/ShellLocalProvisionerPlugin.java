package io.imgbuild.provisioner.shelllocal;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.exec.LocalScriptSpec;
import io.imgbuild.core.exec.LocalScripts;
import io.imgbuild.core.plugin.ProvisionerPlugin;

/** {@code shell-local}: runs commands or scripts on the build host while the machine is being provisioned. */
public final class ShellLocalProvisionerPlugin implements ProvisionerPlugin {

    @Override
    public String type() {
        return "shell-local";
    }

    @Override
    public boolean needsCommunicator() {
        return false; // it runs on the build host
    }

    @Override
    public Provisioner prepare(ComponentConfig config) {
        LocalScriptSpec.check(config);
        LocalScripts scripts = new LocalScripts(LocalScriptSpec.from(config), config.renderer());
        return ctx -> scripts.run(ctx.ui(), ctx.cancellation(), ctx.scriptEnvironment(), ctx.build().workingDir());
    }
}
