package io.imgbuild.core.build;

import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.util.Map;
import java.util.Optional;

/** What a provisioner gets for one run. */
public interface ProvisionerContext {

    BuildInfo build();

    BuildUi ui();

    /** Cancelled on Ctrl-C and when the provisioner's timeout expires. */
    Cancellation cancellation();

    /**
     * Values for the {@code build} template function and for scripts' environment: Packer's
     * PACKER_BUILD_NAME, PACKER_BUILDER_TYPE, PACKER_HTTP_ADDR and the builder's own data.
     */
    Map<String, String> buildData();

    /** Environment variables every script gets (PACKER_BUILD_NAME, PACKER_BUILDER_TYPE, PACKER_HTTP_ADDR). */
    Map<String, String> scriptEnvironment();

    /** The connection to the machine; empty with communicator none. */
    Optional<Communicator> communicator();

    /** The connection, or a failure saying that this provisioner needs one. */
    default Communicator requireCommunicator(String provisioner) throws StepFailure {
        return communicator().orElseThrow(() -> new StepFailure("the " + provisioner + " provisioner needs a connection to"
                + " the machine, but this build uses communicator none"));
    }
}
