package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Launches the source instance and waits until it runs. The launch carries a client token made from
 * the run and build, so an SDK retry of a RunInstances whose answer was lost cannot start a second
 * instance. Cleanup terminates the instance on every path and waits until it is gone, so the key
 * pair and security group can be deleted after it.
 */
final class RunInstanceStep implements Step {

    private static final Key<String> INSTANCE_ID = new Key<>("instance-id");
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

    private final AmazonEbsConfig config;
    private final Tags tags;
    private final Polling polling;
    private final Path workingDir;

    RunInstanceStep(AmazonEbsConfig config, Tags tags, Polling polling, Path workingDir) {
        this.config = config;
        this.tags = tags;
        this.polling = polling;
        this.workingDir = workingDir;
    }

    @Override
    public String name() {
        return "RunSourceInstance";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        SourceImage source = ctx.state().get(AmazonKeys.SOURCE_IMAGE);
        RunInstancesRequest request = request(ctx, source, region);
        ctx.ui().say("Launching a " + config.instanceType() + " instance from " + source.id() + "...");
        Instance launched = AwsCall.run("RunInstances", region, () -> ec2.ec2().runInstances(request)).instances().get(0);
        String id = launched.instanceId();
        ctx.state().put(INSTANCE_ID, id);
        ctx.ui().message("Instance ID: " + id);
        new StateWaiter(polling, ctx.ui()).await("instance " + id + " to be running",
                () -> Instances.state(ec2.ec2(), region, id), Set.of("running"),
                Set.of("shutting-down", "terminated", "stopping", "stopped"), DEFAULT_WAIT, ctx.cancellation());
        Instance running = Instances.find(ec2.ec2(), region, id).orElseThrow(
                () -> new StepFailure("instance " + id + " was running, then EC2 did not know it"));
        ctx.state().put(AmazonKeys.INSTANCE, running);
        ctx.ui().message("Instance " + id + " is running (public IP " + running.publicIpAddress() + ", private IP "
                + running.privateIpAddress() + ")");
    }

    private RunInstancesRequest request(StepContext ctx, SourceImage source, String region) throws Exception {
        List<String> groups = ctx.state().find(AmazonKeys.SECURITY_GROUP_IDS).orElse(List.of());
        String subnet = ctx.state().find(AmazonKeys.SUBNET_ID).orElse(null);
        RunInstancesRequest.Builder r = RunInstancesRequest.builder()
                .imageId(source.id())
                .instanceType(config.instanceType())
                .minCount(1).maxCount(1)
                .clientToken(ClientTokens.of(ctx, "source-instance"))
                .keyName(ctx.state().find(AmazonKeys.KEY_PAIR_NAME).orElse(null))
                .ebsOptimized(config.ebsOptimized());
        if (config.associatePublicIpAddress()) {
            // A public address is only asked for through a network interface, which then holds subnet and groups.
            r.networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0)
                    .associatePublicIpAddress(true).subnetId(subnet).groups(groups).deleteOnTermination(true).build());
        } else {
            r.subnetId(subnet).securityGroupIds(groups);
        }
        String userData = userData();
        if (userData != null) {
            r.userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)));
        }
        if (notEmpty(config.iamInstanceProfile())) {
            r.iamInstanceProfile(p -> p.name(config.iamInstanceProfile()));
        }
        if (notEmpty(config.shutdownBehavior())) {
            r.instanceInitiatedShutdownBehavior(config.shutdownBehavior());
        }
        if (notEmpty(config.availabilityZone()) || notEmpty(config.tenancy())) {
            r.placement(p -> p.availabilityZone(blankToNull(config.availabilityZone()))
                    .tenancy(blankToNull(config.tenancy())));
        }
        if (config.enableT2Unlimited()) {
            r.creditSpecification(c -> c.cpuCredits("unlimited"));
        }
        if (!config.launchBlockDeviceMappings().isEmpty()) {
            r.blockDeviceMappings(BlockDevices.toSdk(config.launchBlockDeviceMappings()));
        }
        Map<String, String> instanceTags = new LinkedHashMap<>();
        instanceTags.put("Name", "Packer Builder"); // Packer's default name, so existing dashboards find it
        instanceTags.putAll(tags.render(ctx, config.allRunTags(), region));
        List<TagSpecification> specs = new ArrayList<>();
        specs.add(Tags.spec(ResourceType.INSTANCE, instanceTags));
        Map<String, String> volumeTags = tags.render(ctx, config.allRunVolumeTags(), region);
        if (!volumeTags.isEmpty()) {
            specs.add(Tags.spec(ResourceType.VOLUME, volumeTags));
        }
        return r.tagSpecifications(specs).build();
    }

    private String userData() throws java.io.IOException {
        if (notEmpty(config.userData())) {
            return config.userData();
        }
        if (notEmpty(config.userDataFile())) {
            return Files.readString(workingDir.resolve(config.userDataFile()));
        }
        return null;
    }

    @Override
    public void cleanup(StepContext ctx) throws StepFailure {
        String id = ctx.state().remove(INSTANCE_ID).orElse(null);
        ctx.state().remove(AmazonKeys.INSTANCE);
        if (id == null) {
            return;
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        ctx.ui().say("Terminating the source instance " + id + "...");
        try {
            // Just after RunInstances EC2 may not know the instance yet: NotFound means "ask again".
            CleanupRetry.untilDone(() -> AwsCall.runVoid("TerminateInstances", region,
                    () -> ec2.ec2().terminateInstances(r -> r.instanceIds(id))), "InvalidInstanceID.NotFound", 30,
                    Duration.ofSeconds(2));
            new StateWaiter(polling, ctx.ui()).await("instance " + id + " to be terminated",
                    () -> Instances.state(ec2.ec2(), region, id), Set.of("terminated"), Set.of(), DEFAULT_WAIT, null);
        } catch (StepFailure | io.imgbuild.core.step.CancelledException e) {
            throw new StepFailure(e.getMessage() + "; terminate the instance " + id + " in " + region + " by hand");
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
