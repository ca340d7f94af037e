package io.imgbuild.core.build;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;

/**
 * For plugins whose configuration imgbuild already checks but whose work is not written yet: the
 * build stops at once with a plain statement, never pretending to work.
 */
public final class NotYetImplemented {

    private NotYetImplemented() {
    }

    /** A builder step that fails with "the X builder can check templates but cannot build yet". */
    public static Step builderStep(String type) {
        return new Step() {
            @Override
            public String name() {
                return "NotYetImplemented";
            }

            @Override
            public void run(StepContext ctx) throws StepFailure {
                throw new StepFailure("the " + type + " builder can check templates but cannot build yet in this version"
                        + " of imgbuild");
            }
        };
    }

    /** A provisioner that runs on the guest, which needs the ssh communicator. */
    public static Provisioner guestProvisioner(String type) {
        return context -> {
            throw new StepFailure("the " + type + " provisioner needs the ssh communicator, which this version of"
                    + " imgbuild does not have yet");
        };
    }

    /** A post-processor whose work is not written yet. */
    public static PostProcessor postProcessor(String type, String work) {
        return (context, input) -> {
            throw new StepFailure("the " + type + " post-processor can check templates but cannot " + work
                    + " yet in this version of imgbuild");
        };
    }
}
