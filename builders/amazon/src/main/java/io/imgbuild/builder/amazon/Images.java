package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Image;

/** Reading an AMI (tolerating one EC2 does not know yet), its snapshots, and removing it with them. */
final class Images {

    private Images() {
    }

    static Optional<Image> find(Ec2Client ec2, String region, String id) throws StepFailure {
        try {
            return ec2.describeImages(r -> r.imageIds(id)).images().stream().findFirst();
        } catch (SdkException e) {
            if (AwsCall.code(e).startsWith("InvalidAMIID.NotFound")) {
                return Optional.empty();
            }
            throw new StepFailure(AwsCall.describe("DescribeImages", region, e), e);
        }
    }

    static Optional<String> state(Ec2Client ec2, String region, String id) throws StepFailure {
        return find(ec2, region, id).map(Image::stateAsString);
    }

    static List<String> snapshotIds(Image image) {
        return image.blockDeviceMappings().stream().map(BlockDeviceMapping::ebs)
                .filter(e -> e != null && e.snapshotId() != null).map(e -> e.snapshotId()).toList();
    }

    /** Deregisters an AMI and, if asked, deletes the snapshots behind it; {@code ui} may be null. */
    static void remove(Ec2Client ec2, String region, String id, boolean withSnapshots, BuildUi ui) throws StepFailure {
        Optional<Image> image = find(ec2, region, id);
        List<String> snapshots = image.map(Images::snapshotIds).orElse(List.of());
        if (ui != null) {
            ui.message("Deregistering " + region + ":" + id + (withSnapshots && !snapshots.isEmpty()
                ? " and deleting its snapshots " + String.join(", ", snapshots) : ""));
        }
        if (image.isPresent()) {
            AwsCall.run("DeregisterImage", region, () -> ec2.deregisterImage(r -> r.imageId(id)));
        }
        if (withSnapshots) {
            for (String snapshot : snapshots) {
                AwsCall.run("DeleteSnapshot", region, () -> ec2.deleteSnapshot(r -> r.snapshotId(snapshot)));
            }
        }
    }
}
