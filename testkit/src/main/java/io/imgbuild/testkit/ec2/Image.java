package io.imgbuild.testkit.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An AMI: pending until its snapshots are done, then available. */
final class Image extends Resource {

    /** One block device mapping entry; {@code snapshotId} null for an ephemeral or suppressed device. */
    record Device(String deviceName, String snapshotId, Integer volumeSize, String volumeType,
            boolean deleteOnTermination, boolean encrypted, String virtualName, boolean noDevice) {}

    String name;
    String description;
    String ownerId;
    String ownerAlias;
    String architecture = "x86_64";
    String virtualizationType = "hvm";
    String rootDeviceName = "/dev/xvda";
    String state = "pending";
    Instant stateSince;
    boolean isPublic;
    boolean enaSupport = true;
    String sriovNetSupport;
    String bootMode;
    String imageLocation;
    String sourceInstanceId;
    final List<Device> devices = new ArrayList<>();
    final Set<String> launchUserIds = new LinkedHashSet<>();
    final Set<String> launchGroups = new LinkedHashSet<>();

    Image(String id, Instant createdAt) {
        super(id, createdAt);
        this.stateSince = createdAt;
    }

    @Override
    String resourceType() {
        return "image";
    }

    boolean visibleTo(String accountId) {
        return ownerId.equals(accountId) || isPublic || launchGroups.contains("all") || launchUserIds.contains(accountId);
    }
}
