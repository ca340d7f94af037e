package io.imgbuild.testkit.ec2;

import java.time.Instant;

/** An EBS snapshot: pending, then completed. */
final class Snapshot extends Resource {

    String volumeId;
    int volumeSize;
    String ownerId;
    String description = "";
    String state = "pending";
    Instant stateSince;
    boolean encrypted;

    Snapshot(String id, Instant createdAt) {
        super(id, createdAt);
        this.stateSince = createdAt;
    }

    @Override
    String resourceType() {
        return "snapshot";
    }
}
