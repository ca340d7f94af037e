package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;

/**
 * Makes the AMI from the stopped instance and waits until it is available. If the build fails or is
 * cancelled from here on, cleanup deregisters it and deletes its snapshots.
 */
final class CreateImageStep implements Step {

    /** Packer raised the SDK's 10 minute default to 30: big volumes take that long. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);

    private final AmazonEbsConfig config;
    private final Tags tags;
    private final Polling polling;

    CreateImageStep(AmazonEbsConfig config, Tags tags, Polling polling) {
        this.config = config;
        this.tags = tags;
        this.polling = polling;
    }

    @Override
    public String name() {
        return "CreateAmi";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        String instance = ctx.state().get(AmazonKeys.INSTANCE).instanceId();
        // With encrypt_boot this AMI is only the source of the encrypted copy that takes ami_name.
        String name = config.encrypted() ? "imgbuild-unencrypted-" + ctx.build().runUuid() : config.amiName();
        CreateImageRequest.Builder request = CreateImageRequest.builder().instanceId(instance).name(name);
        if (config.amiDescription() != null && !config.amiDescription().isEmpty()) {
            request.description(tags.renderText(ctx, config.amiDescription(), region));
        }
        if (!config.amiBlockDeviceMappings().isEmpty()) {
            request.blockDeviceMappings(BlockDevices.toSdk(config.amiBlockDeviceMappings()));
        }
        ctx.ui().say("Creating the AMI " + name + " from instance " + instance + "...");
        String id = AwsCall.run("CreateImage", region, () -> ec2.ec2().createImage(request.build())).imageId();
        Map<String, String> amis = new LinkedHashMap<>();
        amis.put(region, id);
        ctx.state().put(AmazonKeys.AMIS, amis);
        ctx.ui().message("AMI: " + id);
        awaitAvailable(ctx, ec2, region, id, polling);
    }

    static void awaitAvailable(StepContext ctx, Ec2Access ec2, String region, String id, Polling polling)
            throws Exception {
        new StateWaiter(polling, ctx.ui()).await("AMI " + region + ":" + id + " to be available",
                () -> Images.state(ec2.ec2(region), region, id), Set.of("available"),
                Set.of("failed", "invalid", "error", "deregistered"), DEFAULT_WAIT, ctx.cancellation());
    }

    @Override
    public void cleanup(StepContext ctx) throws StepFailure {
        Map<String, String> amis = ctx.state().find(AmazonKeys.AMIS).orElse(Map.of());
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        String id = amis.get(region);
        if (!ctx.halted() || id == null) {
            return;
        }
        ctx.ui().say("The build did not finish: removing the AMI " + id + "...");
        removeOrSay(ec2, region, id, ctx);
        amis.remove(region);
    }

    static void removeOrSay(Ec2Access ec2, String region, String id, StepContext ctx) throws StepFailure {
        try {
            Images.remove(ec2.ec2(region), region, id, true, ctx.ui());
        } catch (StepFailure e) {
            throw new StepFailure(e.getMessage() + "; deregister " + id + " in " + region
                    + " and delete its snapshots by hand");
        }
    }
}
