package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Stops the instance so its volumes are consistent for the AMI (with disable_stop_instance the
 * provisioners stop it and this only waits), then sets ena_support and sriov_support, which EC2
 * accepts only on a stopped instance.
 */
final class StopInstanceStep implements Step {

    private final boolean disableStop;
    private final Boolean enaSupport;
    private final boolean sriovSupport;
    private final Polling polling;

    StopInstanceStep(boolean disableStop, Boolean enaSupport, boolean sriovSupport, Polling polling) {
        this.disableStop = disableStop;
        this.enaSupport = enaSupport;
        this.sriovSupport = sriovSupport;
        this.polling = polling;
    }

    @Override
    public String name() {
        return "StopEbsBackedInstance";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        Instance instance = ctx.state().get(AmazonKeys.INSTANCE);
        String id = instance.instanceId();
        if (disableStop) {
            ctx.ui().say("Waiting for the provisioners' shutdown to stop instance " + id + "...");
        } else {
            ctx.ui().say("Stopping the source instance " + id + "...");
            AwsCall.run("StopInstances", region, () -> ec2.ec2().stopInstances(r -> r.instanceIds(id)));
        }
        new StateWaiter(polling, ctx.ui()).await("instance " + id + " to be stopped",
                () -> Instances.state(ec2.ec2(), region, id), Set.of("stopped"), Set.of("terminated", "shutting-down"),
                RunInstanceStep.DEFAULT_WAIT, ctx.cancellation());
        if (Boolean.TRUE.equals(enaSupport)) {
            ctx.ui().message("Enabling ENA support on " + id);
            AwsCall.run("ModifyInstanceAttribute", region, () -> ec2.ec2().modifyInstanceAttribute(r -> r
                    .instanceId(id).enaSupport(AttributeBooleanValue.builder().value(true).build())));
        }
        if (sriovSupport) {
            ctx.ui().message("Enabling SR-IOV support on " + id);
            AwsCall.run("ModifyInstanceAttribute", region, () -> ec2.ec2().modifyInstanceAttribute(r -> r
                    .instanceId(id).sriovNetSupport(v -> v.value("simple"))));
        }
    }
}
