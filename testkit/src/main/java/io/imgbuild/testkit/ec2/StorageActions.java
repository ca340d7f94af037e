package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** DescribeSnapshots, DeleteSnapshot, DescribeVolumes, DeleteVolume. */
final class StorageActions {

    private static final Filters<Snapshot> SNAPSHOT_FILTERS = Filters.of(Snapshot.class)
            .on("description", s -> s.description)
            .on("encrypted", s -> s.encrypted)
            .on("owner-id", s -> s.ownerId)
            .on("progress", s -> s.state.equals("completed") ? "100%" : "0%")
            .on("snapshot-id", s -> s.id)
            .on("start-time", s -> XmlOutput.TIMESTAMP.format(s.createdAt))
            .on("status", s -> s.state)
            .on("volume-id", s -> s.volumeId)
            .on("volume-size", s -> s.volumeSize);

    private static final Filters<Volume> VOLUME_FILTERS = Filters.of(Volume.class)
            .on("attachment.attach-time", v -> v.attachTime == null ? null : XmlOutput.TIMESTAMP.format(v.attachTime))
            .on("attachment.delete-on-termination", v -> v.instanceId == null ? null : v.deleteOnTermination)
            .on("attachment.device", v -> v.device)
            .on("attachment.instance-id", v -> v.instanceId)
            .on("attachment.status", v -> v.instanceId == null ? null : "attached")
            .on("availability-zone", v -> v.availabilityZone)
            .on("create-time", v -> XmlOutput.TIMESTAMP.format(v.createdAt))
            .on("encrypted", v -> v.encrypted)
            .on("size", v -> v.size)
            .on("snapshot-id", v -> v.snapshotId)
            .on("status", v -> v.state)
            .on("volume-id", v -> v.id)
            .on("volume-type", v -> v.volumeType);

    private StorageActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("DescribeSnapshots", StorageActions::describeSnapshots);
        actions.put("DeleteSnapshot", StorageActions::deleteSnapshot);
        actions.put("DescribeVolumes", StorageActions::describeVolumes);
        actions.put("DeleteVolume", StorageActions::deleteVolume);
    }

    /** The account sees its own snapshots; those of public images' publishers are not shared. */
    private static Map<String, Object> describeSnapshots(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        String account = call.world().accountId;
        Collection<Snapshot> snapshots;
        if (!p.strings("SnapshotIds").isEmpty()) {
            List<Snapshot> chosen = new ArrayList<>();
            p.strings("SnapshotIds").forEach(id -> chosen.add(region.snapshot(id)));
            snapshots = chosen;
        } else {
            snapshots = region.snapshots.values().stream().filter(s -> s.ownerId.equals(account)).toList();
        }
        List<String> owners = p.strings("OwnerIds");
        if (!owners.isEmpty()) {
            snapshots = snapshots.stream().filter(s -> owners.contains(s.ownerId) || owners.contains("self") && s.ownerId.equals(account))
                    .toList();
        }
        Paging.Page<Snapshot> page = Paging.page(SNAPSHOT_FILTERS.apply(snapshots, p.structs("Filters")), p, 5, 1000);
        return Fields.of("Snapshots", page.items().stream().map(s -> (Object) Views.snapshot(s)).toList(), "NextToken", page.nextToken());
    }

    private static Map<String, Object> deleteSnapshot(Action.Call call) {
        RegionState region = call.region();
        Snapshot snapshot = region.snapshot(call.params().string("SnapshotId"));
        region.images.values().stream()
                .filter(i -> i.devices.stream().anyMatch(d -> snapshot.id.equals(d.snapshotId()))).findFirst()
                .ifPresent(i -> {
                    throw Ec2Error.client("InvalidSnapshot.InUse", "The snapshot " + snapshot.id + " is currently in use by " + i.id);
                });
        region.snapshots.remove(snapshot.id);
        return null;
    }

    private static Map<String, Object> describeVolumes(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        Collection<Volume> volumes = region.volumes.values();
        if (!p.strings("VolumeIds").isEmpty()) {
            List<Volume> chosen = new ArrayList<>();
            p.strings("VolumeIds").forEach(id -> chosen.add(region.volume(id)));
            volumes = chosen;
        }
        Paging.Page<Volume> page = Paging.page(VOLUME_FILTERS.apply(volumes, p.structs("Filters")), p, 5, 500);
        return Fields.of("Volumes", page.items().stream().map(v -> (Object) Views.volume(v)).toList(), "NextToken", page.nextToken());
    }

    private static Map<String, Object> deleteVolume(Action.Call call) {
        Volume volume = call.region().volume(call.params().string("VolumeId"));
        if (volume.instanceId != null) {
            throw Ec2Error.client("VolumeInUse", "Volume " + volume.id + " is currently attached to " + volume.instanceId);
        }
        call.region().volumes.remove(volume.id);
        return null;
    }
}
