package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * Tags the AMI in every region with tags, and its snapshots with snapshot_tags, each rendered for
 * its region ({{ .BuildRegion }}). EC2 may not yet know a copy made seconds ago: the SDK's retries
 * and the AMI having been awaited "available" cover that.
 */
final class TagImagesStep implements Step {

    private final Map<String, String> amiTags;
    private final Map<String, String> snapshotTags;
    private final Tags tags;

    TagImagesStep(Map<String, String> amiTags, Map<String, String> snapshotTags, Tags tags) {
        this.amiTags = amiTags;
        this.snapshotTags = snapshotTags;
        this.tags = tags;
    }

    @Override
    public String name() {
        return "CreateTags";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        if (amiTags.isEmpty() && snapshotTags.isEmpty()) {
            return;
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        for (Map.Entry<String, String> ami : ctx.state().get(AmazonKeys.AMIS).entrySet()) {
            String region = ami.getKey();
            String id = ami.getValue();
            Image image = Images.find(ec2.ec2(region), region, id).orElseThrow(
                    () -> new StepFailure("AMI " + region + ":" + id + " vanished before it was tagged"));
            List<String> snapshots = Images.snapshotIds(image);
            ctx.ui().say("Tagging " + region + ":" + id + (snapshots.isEmpty() ? "" : " and its snapshots "
                    + String.join(", ", snapshots)));
            if (!amiTags.isEmpty()) {
                Map<String, String> t = tags.render(ctx, amiTags, region);
                AwsCall.run("CreateTags", region, () -> ec2.ec2(region).createTags(r -> r.resources(id)
                        .tags(Tags.toSdk(t))));
            }
            if (!snapshotTags.isEmpty() && !snapshots.isEmpty()) {
                Map<String, String> t = tags.render(ctx, snapshotTags, region);
                AwsCall.run("CreateTags", region, () -> ec2.ec2(region).createTags(r -> r.resources(snapshots)
                        .tags(Tags.toSdk(t))));
            }
        }
    }
}
