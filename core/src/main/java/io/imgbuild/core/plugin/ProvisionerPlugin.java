package io.imgbuild.core.plugin;

import io.imgbuild.core.build.Provisioner;

/** Service interface for provisioner types. */
public interface ProvisionerPlugin extends Plugin<Provisioner> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.PROVISIONER;
    }
}
