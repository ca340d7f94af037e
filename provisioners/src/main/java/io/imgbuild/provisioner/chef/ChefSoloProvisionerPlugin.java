package io.imgbuild.provisioner.chef;

import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.ProvisionerPlugin;
import io.imgbuild.provisioner.support.ProvisionerSupport;

/**
 * The {@code chef-solo} provisioner: checks its config (local cookbook, role, data bag and environment
 * directories and the template files exist, through the schema; the guest OS type). Running Chef on
 * the guest needs the SSH communicator, not written yet.
 */
public final class ChefSoloProvisionerPlugin implements ProvisionerPlugin {

    @Override
    public String type() {
        return "chef-solo";
    }

    @Override
    public Provisioner prepare(ComponentConfig config) {
        ChefSoloConfig c = config.bindChecked(ChefSoloConfig.class);
        if (c == null) {
            return null;
        }
        ProvisionerSupport.checkGuestOsType(config, c.guestOsType());
        return NotYetImplemented.guestProvisioner(type());
    }
}
