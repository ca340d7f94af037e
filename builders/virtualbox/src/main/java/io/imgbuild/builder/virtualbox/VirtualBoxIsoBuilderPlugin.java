package io.imgbuild.builder.virtualbox;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.plugin.BuilderPlugin;

/**
 * The {@code virtualbox-iso} builder: checks a Packer virtualbox-iso config at prepare time (see the
 * module README). Building itself is not written yet.
 */
public final class VirtualBoxIsoBuilderPlugin implements BuilderPlugin {

    @Override
    public String type() {
        return "virtualbox-iso";
    }

    @Override
    public Builder prepare(ComponentConfig config) {
        CommunicatorConfig comm = config.bindChecked(CommunicatorConfig.class);
        if (comm != null) {
            comm.check(config, false);
        }
        IsoConfig iso = config.bindChecked(IsoConfig.class);
        if (iso != null) {
            iso.check(config);
        }
        VirtualBoxIsoConfig own = config.bindChecked(VirtualBoxIsoConfig.class);
        VirtualBoxCommonConfig common = config.bindChecked(VirtualBoxCommonConfig.class);
        VirtualBoxChecks.common(config, comm, common, own == null ? null : own.isoInterface());
        if (own != null && "pcie".equals(own.hardDriveInterface())) {
            config.warning("hard_drive_interface", "hard_drive_interface pcie (NVMe) needs VirtualBox 6 or later, the"
                    + " extension pack and EFI firmware", "add [\"modifyvm\", \"{{.Name}}\", \"--firmware\", \"efi\"] to"
                    + " vboxmanage and install the extension pack on the VirtualBox host");
        }
        if (comm == null || iso == null || own == null || common == null) {
            return null; // some value had the wrong type: the schema check reported it
        }
        return new VirtualBoxBuilder<>(type(), common, own, iso, comm);
    }
}
