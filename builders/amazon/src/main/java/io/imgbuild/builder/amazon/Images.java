package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Image;

/** Reading an AMI (tolerating one EC2 does not know yet), its snapshots, and removing it with them. */
final class Images {

    private Images() {
    }

    static Optional<Image> find(Ec2Client ec2, String region, String id) throws StepFailure {
        try {
            return AwsCall.run("DescribeImages", region, () -> ec2.describeImages(r -> r.imageIds(id)).images().stream()
                    .findFirst());
        } catch (StepFailure e) {
            if (AwsCall.code(e.getCause()).startsWith("InvalidAMIID.NotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static Optional<String> state(Ec2Client ec2, String region, String id) throws StepFailure {
        return find(ec2, region, id).map(Image::stateAsString);
    }

    static List<String> snapshotIds(Image image) {
        return image.blockDeviceMappings().stream().map(BlockDeviceMapping::ebs)
                .filter(e -> e != null && e.snapshotId() != null).map(e -> e.snapshotId()).toList();
    }

    /**
     * Deregisters an AMI and, if asked, deletes the snapshots behind it; {@code ui} may be null. An AMI
     * made moments ago may not be visible yet (eventual consistency): it is looked for again for up to
     * a minute before it is taken as never made.
     */
    static void remove(Ec2Client ec2, String region, String id, boolean withSnapshots, BuildUi ui) throws StepFailure {
        Optional<Image> image = find(ec2, region, id);
        for (int i = 0; image.isEmpty() && i < UNSEEN_TRIES; i++) {
            pause();
            image = find(ec2, region, id);
        }
        if (image.isEmpty()) {
            if (ui != null) {
                ui.message("AMI " + region + ":" + id + " is not known to EC2: nothing to deregister");
            }
            return;
        }
        List<String> snapshots = snapshotIds(image.get());
        if (ui != null) {
            ui.message("Deregistering " + region + ":" + id + (withSnapshots && !snapshots.isEmpty()
                    ? " and deleting its snapshots " + String.join(", ", snapshots) : ""));
        }
        AwsCall.run("DeregisterImage", region, () -> ec2.deregisterImage(r -> r.imageId(id)));
        if (withSnapshots) {
            for (String snapshot : snapshots) {
                AwsCall.run("DeleteSnapshot", region, () -> ec2.deleteSnapshot(r -> r.snapshotId(snapshot)));
            }
        }
    }

    private static final int UNSEEN_TRIES = 30;

    /** Cleanup runs after Ctrl-C too: a plain sleep, not the build's cancellation. */
    private static void pause() throws StepFailure {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted while cleaning up");
        }
    }
}
