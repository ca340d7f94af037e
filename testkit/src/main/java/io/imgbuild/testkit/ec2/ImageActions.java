package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** DescribeImages, RegisterImage, CreateImage, CopyImage, DeregisterImage. */
final class ImageActions {

    private static final Pattern AMI_NAME = Pattern.compile("[A-Za-z0-9()\\[\\] ./\\-'@_]{3,128}");

    static final Filters<Image> FILTERS = Filters.of(Image.class)
            .on("architecture", i -> i.architecture)
            .on("block-device-mapping.delete-on-termination", i -> i.devices.stream().map(Image.Device::deleteOnTermination).toList())
            .on("block-device-mapping.device-name", i -> i.devices.stream().map(Image.Device::deviceName).toList())
            .on("block-device-mapping.snapshot-id", i -> i.devices.stream().map(Image.Device::snapshotId).toList())
            .on("block-device-mapping.volume-size", i -> i.devices.stream().map(Image.Device::volumeSize).toList())
            .on("block-device-mapping.volume-type", i -> i.devices.stream().map(Image.Device::volumeType).toList())
            .on("block-device-mapping.encrypted", i -> i.devices.stream().map(Image.Device::encrypted).toList())
            .on("creation-date", i -> XmlOutput.TIMESTAMP.format(i.createdAt))
            .on("description", i -> i.description)
            .on("ena-support", i -> i.enaSupport)
            .on("hypervisor", i -> "xen")
            .on("image-id", i -> i.id)
            .on("image-type", i -> "machine")
            .on("is-public", i -> i.isPublic || i.launchGroups.contains("all"))
            .on("manifest-location", i -> i.imageLocation)
            .on("name", i -> i.name)
            .on("owner-alias", i -> i.ownerAlias)
            .on("owner-id", i -> i.ownerId)
            .on("platform-details", i -> "Linux/UNIX")
            .on("root-device-name", i -> i.rootDeviceName)
            .on("root-device-type", i -> "ebs")
            .on("sriov-net-support", i -> i.sriovNetSupport)
            .on("state", i -> i.state)
            .on("virtualization-type", i -> i.virtualizationType);

    private ImageActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("DescribeImages", ImageActions::describe);
        actions.put("RegisterImage", ImageActions::registerImage);
        actions.put("CreateImage", ImageActions::createImage);
        actions.put("CopyImage", ImageActions::copyImage);
        actions.put("DeregisterImage", ImageActions::deregister);
    }

    private static Map<String, Object> describe(Action.Call call) {
        Params p = call.params();
        String account = call.world().accountId;
        List<Image> images;
        if (!p.strings("ImageIds").isEmpty()) {
            images = new ArrayList<>();
            for (String id : p.strings("ImageIds")) {
                images.add(call.region().image(id, call.now()));
            }
        } else {
            images = call.region().visibleImages(call.now()).stream().filter(i -> i.visibleTo(account)).toList();
        }
        List<String> owners = p.strings("Owners");
        if (!owners.isEmpty()) {
            images = images.stream().filter(i -> owners.stream().anyMatch(o -> ownedBy(i, o, account))).toList();
        }
        List<String> executable = p.strings("ExecutableUsers");
        if (!executable.isEmpty()) {
            images = images.stream().filter(i -> executable.stream().anyMatch(u -> executableBy(i, u, account))).toList();
        }
        images = FILTERS.apply(images, p.structs("Filters"));
        Paging.Page<Image> page = Paging.page(images, p, 5, 1000);
        return Fields.of("Images", page.items().stream().map(i -> (Object) Views.image(i)).toList(), "NextToken", page.nextToken());
    }

    private static boolean ownedBy(Image image, String owner, String account) {
        return switch (owner) {
            case "self" -> image.ownerId.equals(account);
            case "amazon", "aws-marketplace", "aws-backup-vault" -> owner.equals(image.ownerAlias);
            default -> owner.equals(image.ownerId);
        };
    }

    private static boolean executableBy(Image image, String user, String account) {
        return switch (user) {
            case "all" -> image.isPublic || image.launchGroups.contains("all");
            case "self" -> image.ownerId.equals(account) || image.launchUserIds.contains(account);
            default -> image.launchUserIds.contains(user);
        };
    }

    static String checkName(String name, RegionState region) {
        if (!AMI_NAME.matcher(name).matches()) {
            throw Ec2Error.client("InvalidAMIName.Malformed", "AMI names must be between 3 and 128 characters long, and may "
                    + "contain letters, numbers, spaces, '(', ')', '[', ']', '.', '/', '-', ''', '@' and '_'. Got: '" + name + "'");
        }
        region.images.values().stream()
                .filter(i -> i.ownerId.equals(region.world.accountId) && name.equals(i.name)).findFirst()
                .ifPresent(i -> {
                    throw Ec2Error.client("InvalidAMIName.Duplicate", "AMI name " + name + " is already in use by AMI " + i.id);
                });
        return name;
    }

    private static Image newImage(Action.Call call, String name) {
        Image image = new Image(Ids.next("ami"), call.now());
        image.name = checkName(name, call.region());
        image.ownerId = call.world().accountId;
        image.imageLocation = image.ownerId + "/" + name;
        return image;
    }

    private static Map<String, Object> registerImage(Action.Call call) {
        Params p = call.params();
        if (p.string("ImageLocation") != null) {
            throw Ec2Error.client("Unsupported", "imgbuild's EC2 simulator registers EBS-backed images only (no ImageLocation)");
        }
        String root = p.string("RootDeviceName");
        if (root == null) {
            throw Ec2Error.missing("RootDeviceName");
        }
        Image image = newImage(call, p.string("Name"));
        image.description = p.string("Description");
        image.architecture = p.string("Architecture", "x86_64");
        image.rootDeviceName = root;
        image.enaSupport = p.flag("EnaSupport", false);
        image.sriovNetSupport = p.string("SriovNetSupport");
        image.virtualizationType = p.string("VirtualizationType", "paravirtual");
        image.bootMode = p.string("BootMode");
        for (Params mapping : p.structs("BlockDeviceMappings")) {
            image.devices.add(device(call.region(), mapping, null));
        }
        if (image.devices.stream().noneMatch(d -> d.deviceName().equals(root) && d.snapshotId() != null)) {
            throw Ec2Error.client("InvalidBlockDeviceMapping", "The root device " + root + " needs a block device mapping with a snapshot");
        }
        call.region().images.put(image.id, image);
        return Fields.of("ImageId", image.id);
    }

    /** A requested mapping; {@code base} is the mapping it overrides, if any. */
    static Image.Device device(RegionState region, Params mapping, Image.Device base) {
        String name = mapping.string("DeviceName");
        if (name == null) {
            throw Ec2Error.missing("BlockDeviceMapping.N.DeviceName");
        }
        if (mapping.has("NoDevice")) {
            return new Image.Device(name, null, null, null, false, false, null, true);
        }
        if (mapping.string("VirtualName") != null) {
            return new Image.Device(name, null, null, null, false, false, mapping.string("VirtualName"), false);
        }
        Params ebs = mapping.struct("Ebs");
        if (ebs == null) {
            throw Ec2Error.client("InvalidBlockDeviceMapping", "The block device mapping for " + name + " needs Ebs, VirtualName or NoDevice");
        }
        String snapshotId = ebs.string("SnapshotId", base == null ? null : base.snapshotId());
        Integer snapshotSize = null;
        if (snapshotId != null) {
            Snapshot snapshot = region.snapshots.get(snapshotId);
            if (snapshot == null) {
                throw Ec2Error.client("InvalidSnapshot.NotFound", "The snapshot '" + snapshotId + "' does not exist.");
            }
            snapshotSize = snapshot.volumeSize;
        }
        Long size = ebs.number("VolumeSize");
        Integer volumeSize = size != null ? Integer.valueOf(size.intValue()) : base != null ? base.volumeSize() : snapshotSize;
        if (volumeSize == null) {
            throw Ec2Error.client("InvalidBlockDeviceMapping", "The block device mapping for " + name + " needs a VolumeSize or a SnapshotId");
        }
        if (snapshotSize != null && volumeSize < snapshotSize) {
            throw Ec2Error.client("InvalidBlockDeviceMapping", "Volume of size " + volumeSize + "GB is smaller than snapshot '"
                    + snapshotId + "', expect size >= " + snapshotSize + "GB");
        }
        if (volumeSize < 1 || volumeSize > 16384) {
            throw Ec2Error.invalidValue("Volume size " + volumeSize + " for " + name + " is not between 1 and 16384 GiB");
        }
        return new Image.Device(name, snapshotId, volumeSize,
                ebs.string("VolumeType", base == null ? "gp2" : base.volumeType()),
                ebs.flag("DeleteOnTermination", base == null || base.deleteOnTermination()),
                ebs.flag("Encrypted", base != null && base.encrypted()), null, false);
    }

    private static Map<String, Object> createImage(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        Instance instance = region.instance(p.string("InstanceId"), call.now());
        if (instance.state != InstanceState.RUNNING && instance.state != InstanceState.STOPPED) {
            throw Ec2Error.client("IncorrectInstanceState", "The instance '" + instance.id + "' is not in a state from which it can be imaged.");
        }
        Image image = newImage(call, p.string("Name"));
        image.description = p.string("Description");
        image.sourceInstanceId = instance.id;
        image.architecture = instance.architecture;
        image.rootDeviceName = instance.rootDeviceName;
        image.enaSupport = instance.enaSupport;
        image.sriovNetSupport = instance.sriovNetSupport;
        Image source = region.images.get(instance.imageId);
        image.bootMode = source == null ? null : source.bootMode;
        Map<String, String> imageTags = Tagging.specified(p, "image", List.of("image", "snapshot"));
        Map<String, String> snapshotTags = Tagging.specified(p, "snapshot", List.of("image", "snapshot"));

        Map<String, Image.Device> devices = new LinkedHashMap<>();
        for (Instance.Attachment attachment : instance.attachments) {
            Volume volume = region.volumes.get(attachment.volumeId());
            Snapshot snapshot = snapshotOf(call, volume.size, volume.id, volume.encrypted, "Created by CreateImage(" + instance.id
                    + ") for " + image.id);
            Tagging.add(snapshot, snapshotTags);
            devices.put(attachment.device(), new Image.Device(attachment.device(), snapshot.id, volume.size, volume.volumeType,
                    attachment.deleteOnTermination(), volume.encrypted, null, false));
        }
        for (Params mapping : p.structs("BlockDeviceMappings")) {
            Image.Device device = device(region, mapping, devices.get(mapping.string("DeviceName")));
            if (device.noDevice()) {
                devices.remove(device.deviceName());
            } else {
                devices.put(device.deviceName(), device);
            }
        }
        image.devices.addAll(devices.values());
        Tagging.add(image, imageTags);
        region.images.put(image.id, image);
        return Fields.of("ImageId", image.id);
    }

    static Snapshot snapshotOf(Action.Call call, int size, String volumeId, boolean encrypted, String description) {
        Snapshot snapshot = new Snapshot(Ids.next("snap"), call.now());
        snapshot.ownerId = call.world().accountId;
        snapshot.volumeSize = size;
        snapshot.volumeId = volumeId;
        snapshot.encrypted = encrypted;
        snapshot.description = description;
        call.region().snapshots.put(snapshot.id, snapshot);
        return snapshot;
    }

    private static Map<String, Object> copyImage(Action.Call call) {
        Params p = call.params();
        RegionState source = call.world().regions.get(p.string("SourceRegion"));
        if (source == null) {
            throw Ec2Error.invalidValue("Invalid value '" + p.string("SourceRegion") + "' for SourceRegion: the region is not served here");
        }
        Image original = source.image(p.string("SourceImageId"), call.now());
        if (!original.state.equals("available")) {
            throw Ec2Error.client("IncorrectState", "Image " + original.id + " is " + original.state + ": only available images can be copied");
        }
        Image copy = newImage(call, p.string("Name"));
        copy.description = p.string("Description", original.description);
        copy.architecture = original.architecture;
        copy.rootDeviceName = original.rootDeviceName;
        copy.enaSupport = original.enaSupport;
        copy.sriovNetSupport = original.sriovNetSupport;
        copy.virtualizationType = original.virtualizationType;
        copy.bootMode = original.bootMode;
        boolean encrypt = p.flag("Encrypted", false);
        for (Image.Device d : original.devices) {
            String snapshotId = null;
            if (d.snapshotId() != null) {
                Snapshot snapshot = snapshotOf(call, d.volumeSize(), "vol-ffffffff", encrypt || d.encrypted(),
                        "Copied for DestinationAmi " + copy.id + " from SourceAmi " + original.id + " for SourceSnapshot "
                                + d.snapshotId() + ". Task created on " + XmlOutput.TIMESTAMP.format(call.now()) + ".");
                snapshotId = snapshot.id;
            }
            copy.devices.add(new Image.Device(d.deviceName(), snapshotId, d.volumeSize(), d.volumeType(), d.deleteOnTermination(),
                    snapshotId != null && (encrypt || d.encrypted()), d.virtualName(), d.noDevice()));
        }
        if (p.flag("CopyImageTags", false)) {
            Tagging.add(copy, original.tags);
        }
        call.region().images.put(copy.id, copy);
        return Fields.of("ImageId", copy.id);
    }

    private static Map<String, Object> deregister(Action.Call call) {
        Image image = call.region().image(call.params().string("ImageId"), call.now());
        if (!image.ownerId.equals(call.world().accountId)) {
            throw Ec2Error.client("AuthFailure", "Not authorized for image:" + image.id);
        }
        call.region().images.remove(image.id);
        return null;
    }
}
