package io.imgbuild.testkit.ec2;

import java.time.Instant;

/** An EBS volume: in-use while attached to an instance, available once detached. */
final class Volume extends Resource {

    int size;
    String snapshotId;
    String availabilityZone;
    String volumeType = "gp2";
    boolean encrypted;
    String state = "in-use";
    String instanceId;
    String device;
    boolean deleteOnTermination;
    Instant attachTime;

    Volume(String id, Instant createdAt) {
        super(id, createdAt);
    }

    @Override
    String resourceType() {
        return "volume";
    }

    Integer iops() {
        return "gp2".equals(volumeType) ? Math.max(100, 3 * size) : "gp3".equals(volumeType) ? 3000 : null;
    }
}
