package io.imgbuild.testkit.ec2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
  * RunInstances: checks what EC2 checks (the AMI is there and available, the key pair, subnet and
  * groups exist and belong together, block devices fit their snapshots), then makes the instances
  * pending, with a volume per EBS device. A repeated ClientToken returns the first launch.
  */
final class RunInstances implements Action {

    private static final int MAX_USER_DATA = 16 * 1024;

    @Override
    public Map<String, Object> run(Call call) {
        Params p = call.params();
        RegionState region = call.region();
        String token = p.string("ClientToken");
        if (token != null) {
            List<Instance> earlier = region.instances.values().stream().filter(i -> token.equals(i.clientToken)).toList();
            if (!earlier.isEmpty()) {
                return InstanceActions.reservation(region, earlier);
            }
        }
        String imageId = p.string("ImageId");
        if (imageId == null) {
            throw Ec2Error.missing("ImageId");
        }
        Image image = region.image(imageId, call.now());
        if (!image.state.equals("available")) {
            throw Ec2Error.client("InvalidAMIID.Unavailable", "AMI '" + image.id + "' is " + image.state + ", and cannot be run");
        }
        long min = p.number("MinCount");
        long max = p.number("MaxCount");
        if (min < 1 || max < min) {
            throw Ec2Error.invalidValue("MinCount (" + min + ") must be at least 1 and at most MaxCount (" + max + ")");
        }
        if (max > 20) {
            throw Ec2Error.client("InstanceLimitExceeded", "You have requested more instances (" + max
                    + ") than your current instance limit of 20 allows for the specified instance type.");
        }
        String keyName = p.string("KeyName");
        String authorizedKey = keyName == null ? null : region.keyPair(keyName).publicKey;
        Params nic = p.structs("NetworkInterfaces").stream().findFirst().orElse(null);
        Subnet subnet = subnet(region, p, nic);
        List<SecurityGroup> groups = groups(region, p, nic, subnet);
        String userData = userData(p.string("UserData"));
        List<Image.Device> devices = devices(region, image, p.structs("BlockDeviceMappings"));
        Map<String, String> instanceTags = Tagging.specified(p, "instance", List.of("instance", "volume", "network-interface"));
        Map<String, String> volumeTags = Tagging.specified(p, "volume", List.of("instance", "volume", "network-interface"));
        Params profile = p.struct("IamInstanceProfile");
        String profileArn = profile == null ? null : profile.string("Arn") != null ? profile.string("Arn")
                : profile.string("Name") == null ? null : "arn:aws:iam::" + call.world().accountId + ":instance-profile/" + profile.string("Name");
        String shutdown = p.string("InstanceInitiatedShutdownBehavior", "stop");

        String reservationId = Ids.next("r");
        List<Instance> launched = new ArrayList<>();
        for (long n = 0; n < max; n++) {
            Instance instance = new Instance(Ids.next("i"), call.now());
            instance.reservationId = reservationId;
            instance.imageId = image.id;
            instance.instanceType = p.string("InstanceType", "m1.small");
            instance.keyName = keyName;
            instance.authorizedKey = authorizedKey;
            instance.subnetId = subnet.id;
            instance.vpcId = subnet.vpcId;
            instance.availabilityZone = subnet.availabilityZone;
            instance.privateIp = call.world().ssh.host();
            instance.publicIp = call.world().ssh.host();
            instance.publicDns = dnsName(call.world().ssh.host());
            instance.securityGroupIds.addAll(groups.stream().map(g -> g.id).toList());
            instance.userData = userData;
            instance.clientToken = token;
            instance.rootDeviceName = image.rootDeviceName;
            instance.architecture = image.architecture;
            instance.enaSupport = image.enaSupport;
            instance.sriovNetSupport = image.sriovNetSupport;
            instance.ebsOptimized = p.flag("EbsOptimized", false);
            instance.disableApiTermination = p.flag("DisableApiTermination", false);
            instance.shutdownBehavior = shutdown;
            instance.iamInstanceProfile = profileArn;
            Tagging.add(instance, instanceTags);
            for (Image.Device device : devices) {
                if (device.noDevice() || device.virtualName() != null) {
                    continue;
                }
                Volume volume = new Volume(Ids.next("vol"), call.now());
                volume.size = device.volumeSize();
                volume.snapshotId = device.snapshotId();
                volume.availabilityZone = subnet.availabilityZone;
                volume.volumeType = device.volumeType();
                volume.encrypted = device.encrypted();
                volume.instanceId = instance.id;
                volume.device = device.deviceName();
                volume.deleteOnTermination = device.deleteOnTermination();
                volume.attachTime = call.now();
                Tagging.add(volume, volumeTags);
                region.volumes.put(volume.id, volume);
                instance.attachments.add(new Instance.Attachment(device.deviceName(), volume.id, device.deleteOnTermination(), call.now()));
            }
            region.instances.put(instance.id, instance);
            launched.add(instance);
        }
        return InstanceActions.reservation(region, launched);
    }

    /** Loopback addresses have a name every machine resolves; other hosts are their own name. */
    private static String dnsName(String host) {
        return host.startsWith("127.") || host.equals("::1") ? "localhost" : host;
    }

    private static Subnet subnet(RegionState region, Params p, Params nic) {
        String subnetId = p.string("SubnetId", nic == null ? null : nic.string("SubnetId"));
        if (subnetId != null) {
            return region.subnet(subnetId);
        }
        Params placement = p.struct("Placement");
        String zone = placement == null ? null : placement.string("AvailabilityZone");
        if (zone != null && !region.zones.contains(zone)) {
            throw Ec2Error.invalidValue("Invalid availability zone: [" + zone + "]");
        }
        return region.subnets.values().stream()
                .filter(s -> s.defaultForAz && (zone == null || s.availabilityZone.equals(zone))).findFirst()
                .orElseThrow(() -> Ec2Error.client("MissingInput", "No subnets found for the default VPC. Please specify a subnet."));
    }

    private static List<SecurityGroup> groups(RegionState region, Params p, Params nic, Subnet subnet) {
        List<SecurityGroup> groups = new ArrayList<>();
        List<String> ids = new ArrayList<>(p.strings("SecurityGroupIds"));
        if (nic != null) {
            ids.addAll(nic.strings("Groups"));
        }
        for (String id : ids) {
            SecurityGroup group = region.securityGroup(id);
            if (!group.vpcId.equals(subnet.vpcId)) {
                throw Ec2Error.client("InvalidParameter", "Security group " + id + " and subnet " + subnet.id + " belong to different networks.");
            }
            groups.add(group);
        }
        for (String name : p.strings("SecurityGroups")) {
            groups.add(region.securityGroupNamed(name));
        }
        if (groups.isEmpty()) {
            region.securityGroups.values().stream()
                    .filter(g -> g.isDefault() && g.vpcId.equals(subnet.vpcId)).findFirst().ifPresent(groups::add);
        }
        return groups;
    }

    private static String userData(String encoded) {
        if (encoded == null) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw Ec2Error.invalidValue("Invalid BASE64 encoding of user data.");
        }
        if (decoded.length > MAX_USER_DATA) {
            throw Ec2Error.invalidValue("User data is limited to 16384 bytes");
        }
        return new String(decoded, StandardCharsets.ISO_8859_1).isEmpty() ? null : encoded;
    }

    /** The image's devices with the request's mappings laid over them, by device name. */
    private static List<Image.Device> devices(RegionState region, Image image, List<Params> mappings) {
        Map<String, Image.Device> devices = new LinkedHashMap<>();
        image.devices.forEach(d -> devices.put(d.deviceName(), d));
        for (Params mapping : mappings) {
            Image.Device device = ImageActions.device(region, mapping, devices.get(mapping.string("DeviceName")));
            devices.put(device.deviceName(), device);
        }
        return new ArrayList<>(devices.values());
    }
}
