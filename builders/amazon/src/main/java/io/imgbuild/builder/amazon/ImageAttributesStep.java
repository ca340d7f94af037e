package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;

/**
 * Shares the AMIs in every region: launch permissions for ami_users and ami_groups, product codes,
 * and create-volume permissions on their snapshots for snapshot_users and snapshot_groups.
 */
final class ImageAttributesStep implements Step {

    private final AmazonEbsConfig config;

    ImageAttributesStep(AmazonEbsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "ModifyAmiAttributes";
    }

    static boolean needed(AmazonEbsConfig c) {
        return !c.amiUsers().isEmpty() || !c.amiGroups().isEmpty() || !c.amiProductCodes().isEmpty()
                || !c.snapshotUsers().isEmpty() || !c.snapshotGroups().isEmpty();
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        for (Map.Entry<String, String> ami : ctx.state().get(AmazonKeys.AMIS).entrySet()) {
            String region = ami.getKey();
            String id = ami.getValue();
            List<LaunchPermission> add = new ArrayList<>();
            config.amiUsers().forEach(u -> add.add(LaunchPermission.builder().userId(u).build()));
            config.amiGroups().forEach(g -> add.add(LaunchPermission.builder().group(g).build()));
            if (!add.isEmpty()) {
                ctx.ui().say("Sharing " + region + ":" + id + " with " + describe(config.amiUsers(), config.amiGroups()));
                AwsCall.run("ModifyImageAttribute", region, () -> ec2.ec2(region).modifyImageAttribute(r -> r
                        .imageId(id).launchPermission(p -> p.add(add))));
            }
            if (!config.amiProductCodes().isEmpty()) {
                AwsCall.run("ModifyImageAttribute", region, () -> ec2.ec2(region).modifyImageAttribute(r -> r
                        .imageId(id).productCodes(config.amiProductCodes())));
            }
            if (!config.snapshotUsers().isEmpty() || !config.snapshotGroups().isEmpty()) {
                Image image = Images.find(ec2.ec2(region), region, id).orElseThrow(
                        () -> new StepFailure("AMI " + region + ":" + id + " vanished before its snapshots were shared"));
                for (String snapshot : Images.snapshotIds(image)) {
                    ctx.ui().message("Sharing snapshot " + snapshot + " with "
                            + describe(config.snapshotUsers(), config.snapshotGroups()));
                    AwsCall.run("ModifySnapshotAttribute", region, () -> ec2.ec2(region).modifySnapshotAttribute(r -> r
                            .snapshotId(snapshot).attribute("createVolumePermission")
                            .operationType("add").userIds(config.snapshotUsers()).groupNames(config.snapshotGroups())));
                }
            }
        }
    }

    private static String describe(List<String> users, List<String> groups) {
        List<String> who = new ArrayList<>();
        if (!users.isEmpty()) {
            who.add("accounts " + String.join(", ", users));
        }
        if (!groups.isEmpty()) {
            who.add("groups " + String.join(", ", groups));
        }
        return String.join(" and ", who);
    }
}
