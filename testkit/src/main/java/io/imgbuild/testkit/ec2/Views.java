package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resources as the model's output shapes (Image, Instance, Snapshot, ...), keyed by member names. */
final class Views {

    private Views() {}

    static Map<String, Object> image(Image image) {
        List<Object> devices = new ArrayList<>();
        for (Image.Device d : image.devices) {
            Map<String, Object> ebs = d.snapshotId() == null && d.volumeSize() == null ? null : Fields.of(
                    "DeleteOnTermination", d.deleteOnTermination(), "SnapshotId", d.snapshotId(), "VolumeSize", d.volumeSize(),
                    "VolumeType", d.volumeType(), "Encrypted", d.snapshotId() == null ? null : d.encrypted());
            devices.add(Fields.of("DeviceName", d.deviceName(), "VirtualName", d.virtualName(), "Ebs", ebs,
                    "NoDevice", d.noDevice() ? "" : null));
        }
        return Fields.of(
                "ImageId", image.id,
                "ImageLocation", image.imageLocation,
                "State", image.state,
                "OwnerId", image.ownerId,
                "CreationDate", XmlOutput.TIMESTAMP.format(image.createdAt),
                "Public", image.isPublic || image.launchGroups.contains("all"),
                "Architecture", image.architecture,
                "ImageType", "machine",
                "ImageOwnerAlias", image.ownerAlias,
                "Name", image.name,
                "Description", image.description,
                "RootDeviceType", "ebs",
                "RootDeviceName", image.rootDeviceName,
                "BlockDeviceMappings", devices,
                "VirtualizationType", image.virtualizationType,
                "Hypervisor", "xen",
                "EnaSupport", image.enaSupport,
                "SriovNetSupport", image.sriovNetSupport,
                "BootMode", image.bootMode,
                "PlatformDetails", "Linux/UNIX",
                "UsageOperation", "RunInstances",
                "StateReason", image.state.equals("failed") ? Fields.of("Code", "Client.ImageFailed", "Message", "Image failed") : null,
                "Tags", image.tags.isEmpty() ? null : image.tagList());
    }

    static Map<String, Object> instance(Instance i, List<SecurityGroup> groups) {
        boolean live = i.state == InstanceState.PENDING || i.state == InstanceState.RUNNING;
        List<Object> devices = new ArrayList<>();
        for (Instance.Attachment a : i.attachments) {
            devices.add(Fields.of("DeviceName", a.device(), "Ebs", Fields.of("AttachTime", a.attachTime(),
                    "DeleteOnTermination", a.deleteOnTermination(), "Status", "attached", "VolumeId", a.volumeId())));
        }
        boolean stoppedByUser = i.state == InstanceState.STOPPED || i.state == InstanceState.STOPPING
                || i.state == InstanceState.TERMINATED || i.state == InstanceState.SHUTTING_DOWN;
        return Fields.of(
                "AmiLaunchIndex", 0,
                "ImageId", i.imageId,
                "InstanceId", i.id,
                "InstanceType", i.instanceType,
                "KeyName", i.keyName,
                "LaunchTime", i.launchTime,
                "Monitoring", Fields.of("State", "disabled"),
                "Placement", Fields.of("AvailabilityZone", i.availabilityZone, "GroupName", "", "Tenancy", "default"),
                "PrivateDnsName", i.gone() ? "" : i.publicDns,
                "PrivateIpAddress", i.gone() ? null : i.privateIp,
                "PublicDnsName", live ? i.publicDns : "",
                "PublicIpAddress", live ? i.publicIp : null,
                "State", i.state.toModel(),
                "StateTransitionReason", i.stateReason,
                "SubnetId", i.gone() ? null : i.subnetId,
                "VpcId", i.gone() ? null : i.vpcId,
                "Architecture", i.architecture,
                "BlockDeviceMappings", i.state == InstanceState.TERMINATED ? List.of() : devices,
                "ClientToken", i.clientToken,
                "EbsOptimized", i.ebsOptimized,
                "EnaSupport", i.enaSupport,
                "Hypervisor", "xen",
                "IamInstanceProfile", i.iamInstanceProfile == null ? null : Fields.of("Arn", i.iamInstanceProfile, "Id", "AIPA" + i.id.substring(2, 14).toUpperCase(java.util.Locale.ROOT)),
                "RootDeviceName", i.rootDeviceName,
                "RootDeviceType", "ebs",
                "SecurityGroups", groups.stream().map(g -> (Object) Fields.of("GroupName", g.name, "GroupId", g.id)).toList(),
                "SourceDestCheck", i.sourceDestCheck,
                "SriovNetSupport", i.sriovNetSupport,
                "StateReason", stoppedByUser ? Fields.of("Code", "Client.UserInitiatedShutdown",
                        "Message", "Client.UserInitiatedShutdown: User initiated shutdown") : null,
                "Tags", i.tags.isEmpty() ? null : i.tagList(),
                "VirtualizationType", "hvm",
                "PlatformDetails", "Linux/UNIX",
                "UsageOperation", "RunInstances");
    }

    static Map<String, Object> stateChange(Instance instance, InstanceState previous) {
        return Fields.of("CurrentState", instance.state.toModel(), "InstanceId", instance.id, "PreviousState", previous.toModel());
    }

    static Map<String, Object> snapshot(Snapshot s) {
        return Fields.of(
                "Description", s.description,
                "Encrypted", s.encrypted,
                "OwnerId", s.ownerId,
                "Progress", s.state.equals("completed") ? "100%" : "0%",
                "SnapshotId", s.id,
                "StartTime", s.createdAt,
                "State", s.state,
                "VolumeId", s.volumeId,
                "VolumeSize", s.volumeSize,
                "StorageTier", "standard",
                "Tags", s.tags.isEmpty() ? null : s.tagList());
    }

    static Map<String, Object> volume(Volume v) {
        List<Object> attachments = v.instanceId == null ? List.of() : List.of(Fields.of("AttachTime", v.attachTime,
                "Device", v.device, "InstanceId", v.instanceId, "State", "attached", "VolumeId", v.id,
                "DeleteOnTermination", v.deleteOnTermination));
        return Fields.of(
                "Attachments", attachments,
                "AvailabilityZone", v.availabilityZone,
                "CreateTime", v.createdAt,
                "Encrypted", v.encrypted,
                "Size", v.size,
                "SnapshotId", v.snapshotId == null ? "" : v.snapshotId,
                "State", v.state,
                "VolumeId", v.id,
                "Iops", v.iops(),
                "VolumeType", v.volumeType,
                "MultiAttachEnabled", false,
                "Tags", v.tags.isEmpty() ? null : v.tagList());
    }

    static Map<String, Object> securityGroup(SecurityGroup g) {
        return Fields.of(
                "Description", g.description,
                "GroupName", g.name,
                "IpPermissions", g.ingress.stream().map(Views::rule).toList(),
                "OwnerId", g.ownerId,
                "GroupId", g.id,
                "IpPermissionsEgress", g.egress.stream().map(Views::rule).toList(),
                "VpcId", g.vpcId,
                "Tags", g.tags.isEmpty() ? null : g.tagList());
    }

    private static Object rule(SecurityGroup.Rule r) {
        return Fields.of(
                "FromPort", r.fromPort(),
                "IpProtocol", r.protocol(),
                "IpRanges", r.cidrs().stream().map(c -> (Object) Fields.of("CidrIp", c)).toList(),
                "Ipv6Ranges", List.of(),
                "PrefixListIds", List.of(),
                "ToPort", r.toPort(),
                "UserIdGroupPairs", r.groupIds().stream().map(id -> (Object) Fields.of("GroupId", id)).toList());
    }

    static Map<String, Object> keyPair(KeyPair k, boolean includePublicKey) {
        return Fields.of(
                "KeyPairId", k.id,
                "KeyFingerprint", k.fingerprint,
                "KeyName", k.name,
                "KeyType", k.keyType,
                "Tags", k.tags.isEmpty() ? null : k.tagList(),
                "PublicKey", includePublicKey ? k.publicKey : null,
                "CreateTime", k.createdAt);
    }
}
