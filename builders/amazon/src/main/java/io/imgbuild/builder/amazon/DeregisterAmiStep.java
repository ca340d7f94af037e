package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * force_deregister: removes the account's AMIs named ami_name in the build and copy regions (their
 * snapshots too with force_delete_snapshot) just before the new one is made.
 */
final class DeregisterAmiStep implements Step {

    private final String amiName;
    private final List<String> copyRegions;
    private final boolean deleteSnapshots;

    DeregisterAmiStep(String amiName, List<String> copyRegions, boolean deleteSnapshots) {
        this.amiName = amiName;
        this.copyRegions = copyRegions;
        this.deleteSnapshots = deleteSnapshots;
    }

    @Override
    public String name() {
        return "DeregisterAmi";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        List<String> regions = new ArrayList<>();
        regions.add(ec2.settings().region());
        regions.addAll(copyRegions);
        for (String region : regions) {
            for (Image old : AmiNames.owned(ec2.ec2(region), region, amiName)) {
                ctx.ui().say("force_deregister: removing the old AMI " + old.imageId() + " (" + amiName + ") in "
                        + region);
                Images.remove(ec2.ec2(region), region, old.imageId(), deleteSnapshots, ctx.ui());
            }
        }
    }
}
