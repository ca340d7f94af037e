package io.imgbuild.core.plugin;

import io.imgbuild.core.build.Provisioner;

/** Service interface for provisioner types. */
public interface ProvisionerPlugin extends Plugin<Provisioner> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.PROVISIONER;
    }

    /** Whether it works on the machine through the communicator (shell-local does not). */
    default boolean needsCommunicator() {
        return true;
    }
}
