package io.imgbuild.core.run;

import io.imgbuild.core.communicator.CommunicatorKeys;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.List;
import java.util.Map;

/**
 * The step every builder places where its machine is ready: runs the template's provisioners in
 * order. When one fails, the template's error-cleanup-provisioner runs before the build is torn down
 * (not after Ctrl-C: the user asked to stop).
 */
final class ProvisionStep implements Step {

    private final List<PreparedProvisioner> provisioners;
    private final PreparedProvisioner errorCleanup;
    private final Backoff backoff;

    ProvisionStep(List<PreparedProvisioner> provisioners, PreparedProvisioner errorCleanup, Backoff backoff) {
        this.provisioners = provisioners;
        this.errorCleanup = errorCleanup;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return "Provision";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure, CancelledException {
        ProvisionerRunner runner = runner(ctx);
        for (PreparedProvisioner p : provisioners) {
            try {
                runner.run(p);
            } catch (StepFailure failure) {
                runErrorCleanup(ctx, runner);
                throw new StepFailure(p.type() + " provisioner: " + failure.getMessage());
            }
        }
    }

    private void runErrorCleanup(StepContext ctx, ProvisionerRunner runner) {
        if (errorCleanup == null || ctx.cancelled()) {
            return;
        }
        ctx.ui().say("Provisioning failed; running the error-cleanup-provisioner...");
        try {
            runner.run(errorCleanup);
        } catch (StepFailure | CancelledException e) {
            ctx.ui().error("error-cleanup-provisioner failed: " + e.getMessage());
        }
    }

    private ProvisionerRunner runner(StepContext ctx) {
        Map<String, String> data = BuildData.of(ctx);
        return new ProvisionerRunner(ctx.build(), ctx.ui(), ctx.cancellation(), data, BuildData.scriptEnvironment(data),
                backoff, ctx.state().find(CommunicatorKeys.COMMUNICATOR).orElse(null));
    }
}
