package io.imgbuild.core.communicator;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;

/**
 * Connects the build's communicator. With {@code communicator: none} there is nothing to connect and
 * provisioners that need a connection are refused when the template is checked.
 */
public final class ConnectStep implements Step {

    private final CommunicatorConfig config;

    public ConnectStep(CommunicatorConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "Connect";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (config.none()) {
            ctx.ui().say("Using the none communicator: no connection to the machine");
            return;
        }
        throw new StepFailure("the ssh communicator is not implemented in this version of imgbuild"
                + " (it lands with the SSH communicator work); use communicator none for now");
    }
}
