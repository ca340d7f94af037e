package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * Fails before anything is launched when ami_name is already taken in the build region or a copy
 * region, unless force_deregister will replace it (Packer checks only the build region, and a copy
 * fails an hour later).
 */
final class PreValidateStep implements Step {

    private final String amiName;
    private final List<String> copyRegions;
    private final boolean skipBuildRegion;

    /** @param skipBuildRegion skip_save_build_region: the name only has to be free where copies go */
    PreValidateStep(String amiName, List<String> copyRegions, boolean skipBuildRegion) {
        this.amiName = amiName;
        this.copyRegions = copyRegions;
        this.skipBuildRegion = skipBuildRegion;
    }

    @Override
    public String name() {
        return "PreValidate";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        ctx.ui().say("Checking that the AMI name \"" + amiName + "\" is free...");
        List<String> regions = new ArrayList<>();
        if (!skipBuildRegion) {
            regions.add(ec2.settings().region());
        }
        regions.addAll(copyRegions);
        for (String region : regions) {
            List<Image> taken = AmiNames.owned(ec2.ec2(region), region, amiName);
            if (!taken.isEmpty()) {
                throw new StepFailure("an AMI named \"" + amiName + "\" exists in " + region + " ("
                        + taken.get(0).imageId() + "); set force_deregister to replace it (with force_delete_snapshot"
                        + " for its snapshots), or change ami_name (e.g. add {{timestamp}})");
            }
        }
    }
}
