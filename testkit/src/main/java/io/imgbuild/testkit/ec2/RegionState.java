package io.imgbuild.testkit.ec2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One region's resources, as one account sees them. Guarded by {@link World}'s lock. */
final class RegionState {

    final World world;
    final String name;
    final List<String> zones;
    final Map<String, Image> images = new LinkedHashMap<>();
    final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    final Map<String, Volume> volumes = new LinkedHashMap<>();
    final Map<String, Instance> instances = new LinkedHashMap<>();
    final Map<String, KeyPair> keyPairs = new LinkedHashMap<>();
    final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    final Vpc defaultVpc;

    RegionState(World world, String name, Instant now) {
        this.world = world;
        this.name = name;
        this.zones = List.of(name + "a", name + "b", name + "c");
        defaultVpc = new Vpc(Ids.stable("vpc", name + "/default").substring(0, 12), now);
        defaultVpc.cidr = "172.31.0.0/16";
        defaultVpc.isDefault = true;
        defaultVpc.ownerId = world.accountId;
        vpcs.put(defaultVpc.id, defaultVpc);
        for (int i = 0; i < zones.size(); i++) {
            Subnet subnet = new Subnet(Ids.stable("subnet", name + "/" + i).substring(0, 15), now);
            subnet.vpcId = defaultVpc.id;
            subnet.availabilityZone = zones.get(i);
            subnet.cidr = "172.31." + (16 * i) + ".0/20";
            subnet.defaultForAz = true;
            subnet.ownerId = world.accountId;
            subnets.put(subnet.id, subnet);
        }
        SecurityGroup group = new SecurityGroup(Ids.stable("sg", name + "/default"), now);
        group.name = "default";
        group.description = "default VPC security group";
        group.vpcId = defaultVpc.id;
        group.ownerId = world.accountId;
        group.egress.add(new SecurityGroup.Rule("-1", null, null, List.of("0.0.0.0/0"), List.of()));
        securityGroups.put(group.id, group);
        PublicImages.seed(this, now);
    }

    /** Moves every timed transition on to {@code now}. */
    void advance(Instant now) {
        Timings timings = world.timings;
        for (Instance instance : instances.values()) {
            switch (instance.state) {
                case PENDING -> step(instance, InstanceState.RUNNING, timings.instanceStart(), now);
                case STOPPING -> step(instance, InstanceState.STOPPED, timings.instanceStop(), now);
                case SHUTTING_DOWN -> {
                    if (step(instance, InstanceState.TERMINATED, timings.instanceTerminate(), now)) {
                        releaseVolumes(instance);
                    }
                }
                default -> { }
            }
        }
        instances.values().removeIf(i -> i.state == InstanceState.TERMINATED
                && !now.isBefore(i.stateSince.plus(timings.terminatedVisible())));
        for (Snapshot snapshot : snapshots.values()) {
            if (snapshot.state.equals("pending") && due(snapshot.stateSince, timings.imageAvailable(), now)) {
                snapshot.state = "completed";
            }
        }
        for (Image image : images.values()) {
            if (image.state.equals("pending") && due(image.stateSince, timings.imageAvailable(), now)) {
                image.state = "available";
            }
        }
    }

    private static boolean step(Instance instance, InstanceState next, Duration delay, Instant now) {
        if (!due(instance.stateSince, delay, now)) {
            return false;
        }
        instance.moveTo(next, instance.stateSince.plus(delay));
        return true;
    }

    private static boolean due(Instant since, Duration delay, Instant now) {
        return !now.isBefore(since.plus(delay));
    }

    /** At termination: volumes marked delete-on-termination go, the others are detached. */
    private void releaseVolumes(Instance instance) {
        for (Instance.Attachment attachment : instance.attachments) {
            Volume volume = volumes.get(attachment.volumeId());
            if (volume == null) {
                continue;
            }
            if (volume.deleteOnTermination) {
                volumes.remove(volume.id);
            } else {
                volume.state = "available";
                volume.instanceId = null;
                volume.device = null;
            }
        }
    }

    /** Whether eventual consistency still hides a resource made at {@code createdAt}. */
    boolean hidden(Resource resource, Instant now) {
        return now.isBefore(resource.createdAt.plus(world.faults.notFoundAfterCreate()));
    }

    Collection<Instance> visibleInstances(Instant now) {
        return instances.values().stream().filter(i -> !hidden(i, now)).toList();
    }

    Collection<Image> visibleImages(Instant now) {
        return images.values().stream().filter(i -> !hidden(i, now)).toList();
    }

    Instance instance(String id, Instant now) {
        Ids.check("i", "InvalidInstanceID", id);
        Instance instance = instances.get(id);
        if (instance == null || hidden(instance, now)) {
            throw Ec2Error.client("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
        }
        return instance;
    }

    /** The listed instances, all of them or an error naming every missing one, as EC2 does. */
    List<Instance> instances(List<String> ids, Instant now) {
        List<Instance> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Ids.check("i", "InvalidInstanceID", id);
            Instance instance = instances.get(id);
            if (instance == null || hidden(instance, now)) {
                missing.add(id);
            } else {
                found.add(instance);
            }
        }
        if (missing.size() == 1) {
            throw Ec2Error.client("InvalidInstanceID.NotFound", "The instance ID '" + missing.get(0) + "' does not exist");
        }
        if (!missing.isEmpty()) {
            throw Ec2Error.client("InvalidInstanceID.NotFound", "The instance IDs '" + String.join(", ", missing) + "' do not exist");
        }
        return found;
    }

    Image image(String id, Instant now) {
        Ids.check("ami", "InvalidAMIID", id);
        Image image = images.get(id);
        if (image == null || hidden(image, now) || !image.visibleTo(world.accountId)) {
            throw Ec2Error.client("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
        }
        return image;
    }

    Snapshot snapshot(String id) {
        Ids.check("snap", "InvalidSnapshotID", id);
        Snapshot snapshot = snapshots.get(id);
        if (snapshot == null || !snapshot.ownerId.equals(world.accountId)) {
            throw Ec2Error.client("InvalidSnapshot.NotFound", "The snapshot '" + id + "' does not exist.");
        }
        return snapshot;
    }

    Volume volume(String id) {
        Ids.check("vol", "InvalidVolumeID", id);
        Volume volume = volumes.get(id);
        if (volume == null) {
            throw Ec2Error.client("InvalidVolume.NotFound", "The volume '" + id + "' does not exist.");
        }
        return volume;
    }

    SecurityGroup securityGroup(String id) {
        Ids.check("sg", "InvalidGroupId", id);
        SecurityGroup group = securityGroups.get(id);
        if (group == null) {
            throw Ec2Error.client("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
        }
        return group;
    }

    /** Group names are looked up in the default VPC, as EC2 does for GroupName parameters. */
    SecurityGroup securityGroupNamed(String groupName) {
        return securityGroups.values().stream()
                .filter(g -> g.name.equals(groupName) && g.vpcId.equals(defaultVpc.id)).findFirst()
                .orElseThrow(() -> Ec2Error.client("InvalidGroup.NotFound",
                        "The security group '" + groupName + "' does not exist in default VPC '" + defaultVpc.id + "'"));
    }

    KeyPair keyPair(String keyName) {
        KeyPair pair = keyPairs.get(keyName);
        if (pair == null) {
            throw Ec2Error.client("InvalidKeyPair.NotFound", "The key pair '" + keyName + "' does not exist");
        }
        return pair;
    }

    Subnet subnet(String id) {
        Subnet subnet = subnets.get(id);
        if (subnet == null) {
            throw Ec2Error.client("InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist");
        }
        return subnet;
    }

    Vpc vpc(String id) {
        Vpc vpc = vpcs.get(id);
        if (vpc == null) {
            throw Ec2Error.client("InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
        }
        return vpc;
    }

    /** Any taggable resource by its ID, for CreateTags and DeleteTags. */
    Resource taggable(String id, Instant now) {
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')) : "";
        return switch (prefix) {
            case "i" -> instance(id, now);
            case "ami" -> {
                Ids.check("ami", "InvalidAMIID", id);
                Image image = images.get(id);
                if (image == null || hidden(image, now) || !image.ownerId.equals(world.accountId)) {
                    throw Ec2Error.client("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
                }
                yield image;
            }
            case "snap" -> snapshot(id);
            case "vol" -> volume(id);
            case "sg" -> securityGroup(id);
            case "vpc" -> vpc(id);
            case "subnet" -> subnet(id);
            case "key" -> keyPairs.values().stream().filter(k -> k.id.equals(id)).findFirst()
                    .orElseThrow(() -> Ec2Error.client("InvalidKeyPair.NotFound", "The key pair '" + id + "' does not exist"));
            default -> throw Ec2Error.client("InvalidID", "The ID '" + id + "' is not valid");
        };
    }

    /** All tagged resources of this region owned by the account, for DescribeTags. */
    List<Resource> ownedResources(Instant now) {
        List<Resource> all = new ArrayList<>();
        all.addAll(visibleInstances(now));
        visibleImages(now).stream().filter(i -> i.ownerId.equals(world.accountId)).forEach(all::add);
        snapshots.values().stream().filter(s -> s.ownerId.equals(world.accountId)).forEach(all::add);
        all.addAll(volumes.values());
        all.addAll(securityGroups.values());
        all.addAll(keyPairs.values());
        all.addAll(vpcs.values());
        all.addAll(subnets.values());
        return all;
    }
}
