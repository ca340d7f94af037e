package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * Without security_group_id(s) or a filter, makes a temporary security group that lets the
 * communicator's port in from temporary_security_group_source_cidrs (default 0.0.0.0/0). Cleanup
 * deletes it once its instance is gone (the instance's cleanup runs first), retrying while EC2 still
 * sees it in use.
 */
final class SecurityGroupStep implements Step {

    private static final Key<String> TEMPORARY = new Key<>("temporary-security-group");

    private final List<String> sourceCidrs;
    private final int port;
    private final boolean openPort;

    SecurityGroupStep(List<String> sourceCidrs, int port, boolean openPort) {
        this.sourceCidrs = sourceCidrs.isEmpty() ? List.of("0.0.0.0/0") : sourceCidrs;
        this.port = port;
        this.openPort = openPort;
    }

    @Override
    public String name() {
        return "SecurityGroup";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        if (ctx.state().has(AmazonKeys.SECURITY_GROUP_IDS)) {
            return;
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        String vpc = ctx.state().find(AmazonKeys.VPC_ID).orElse(null);
        String name = "packer_" + ctx.build().runUuid() + "_" + ctx.build().name().replaceAll("[^A-Za-z0-9_.-]", "-");
        ctx.ui().say("Creating the temporary security group " + name + (vpc == null ? "" : " in " + vpc) + "...");
        String id = AwsCall.run("CreateSecurityGroup", region, () -> ec2.ec2().createSecurityGroup(r -> r
                .groupName(name).description("Temporary group for imgbuild build " + ctx.build().name())
                .vpcId(vpc)).groupId());
        ctx.state().put(TEMPORARY, id);
        ctx.state().put(AmazonKeys.SECURITY_GROUP_IDS, List.of(id));
        if (!openPort) {
            return;
        }
        ctx.ui().message("Letting TCP port " + port + " in from " + String.join(", ", sourceCidrs));
        AwsCall.run("AuthorizeSecurityGroupIngress", region, () -> ec2.ec2().authorizeSecurityGroupIngress(r -> r
                .groupId(id).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                        .ipRanges(sourceCidrs.stream().map(c -> IpRange.builder().cidrIp(c).build()).toList())
                        .build())));
    }

    @Override
    public void cleanup(StepContext ctx) throws StepFailure {
        String id = ctx.state().remove(TEMPORARY).orElse(null);
        if (id == null) {
            return;
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        ctx.ui().say("Deleting the temporary security group " + id + "...");
        try {
            CleanupRetry.untilDone(() -> AwsCall.runVoid("DeleteSecurityGroup", region,
                    () -> ec2.ec2().deleteSecurityGroup(r -> r.groupId(id))), "DependencyViolation", 24,
                    Duration.ofSeconds(5));
        } catch (StepFailure e) {
            throw new StepFailure(e.getMessage() + "; delete the security group " + id + " in " + region + " by hand");
        }
    }
}
