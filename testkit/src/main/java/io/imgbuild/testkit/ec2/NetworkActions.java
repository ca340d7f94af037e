package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** DescribeRegions, DescribeAvailabilityZones, DescribeVpcs, DescribeSubnets. */
final class NetworkActions {

    /** A zone and the region it is in. */
    private record Zone(String region, String name, String id) {}

    private static final Filters<String> REGION_FILTERS = Filters.<String>untagged()
            .on("region-name", r -> r)
            .on("endpoint", NetworkActions::endpoint)
            .on("opt-in-status", r -> "opt-in-not-required");

    private static final Filters<Zone> ZONE_FILTERS = Filters.<Zone>untagged()
            .on("zone-name", Zone::name)
            .on("zone-id", Zone::id)
            .on("region-name", Zone::region)
            .on("state", z -> "available")
            .on("zone-type", z -> "availability-zone")
            .on("group-name", Zone::region)
            .on("opt-in-status", z -> "opt-in-not-required");

    private static final Filters<Vpc> VPC_FILTERS = Filters.of(Vpc.class)
            .on("cidr", v -> v.cidr)
            .on("cidr-block-association.cidr-block", v -> v.cidr)
            .on("is-default", v -> v.isDefault)
            .on("owner-id", v -> v.ownerId)
            .on("state", v -> "available")
            .on("vpc-id", v -> v.id);

    private static final Filters<Subnet> SUBNET_FILTERS = Filters.of(Subnet.class)
            .on("availability-zone", s -> s.availabilityZone)
            .on("cidr-block", s -> s.cidr)
            .on("cidr", s -> s.cidr)
            .on("default-for-az", s -> s.defaultForAz)
            .on("defaultForAz", s -> s.defaultForAz)
            .on("owner-id", s -> s.ownerId)
            .on("state", s -> "available")
            .on("subnet-id", s -> s.id)
            .on("vpc-id", s -> s.vpcId);

    private NetworkActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("DescribeRegions", NetworkActions::regions);
        actions.put("DescribeAvailabilityZones", NetworkActions::zones);
        actions.put("DescribeVpcs", NetworkActions::vpcs);
        actions.put("DescribeSubnets", NetworkActions::subnets);
    }

    private static String endpoint(String region) {
        return "ec2." + region + ".amazonaws.com";
    }

    private static Map<String, Object> regions(Action.Call call) {
        Params p = call.params();
        Collection<String> names = call.world().regions.keySet();
        for (String name : p.strings("RegionNames")) {
            if (!names.contains(name)) {
                throw Ec2Error.invalidValue("Invalid region: " + name + " (this simulator serves " + String.join(", ", names) + ")");
            }
        }
        if (!p.strings("RegionNames").isEmpty()) {
            names = p.strings("RegionNames");
        }
        return Fields.of("Regions", REGION_FILTERS.apply(names, p.structs("Filters")).stream()
                .map(r -> (Object) Fields.of("Endpoint", endpoint(r), "RegionName", r, "OptInStatus", "opt-in-not-required")).toList());
    }

    private static Map<String, Object> zones(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        String[] parts = region.name.split("-");
        String shortName = parts.length == 3 ? parts[0] + parts[1].charAt(0) + parts[2] : region.name;
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < region.zones.size(); i++) {
            zones.add(new Zone(region.name, region.zones.get(i), shortName + "-az" + (i + 1)));
        }
        for (String name : p.strings("ZoneNames")) {
            if (zones.stream().noneMatch(z -> z.name().equals(name))) {
                throw Ec2Error.invalidValue("The zone '" + name + "' does not exist.");
            }
        }
        List<String> names = p.strings("ZoneNames");
        List<String> ids = p.strings("ZoneIds");
        List<Zone> chosen = zones.stream()
                .filter(z -> names.isEmpty() || names.contains(z.name()))
                .filter(z -> ids.isEmpty() || ids.contains(z.id())).toList();
        return Fields.of("AvailabilityZones", ZONE_FILTERS.apply(chosen, p.structs("Filters")).stream()
                .map(z -> (Object) Fields.of("State", "available", "OptInStatus", "opt-in-not-required", "Messages", List.of(),
                        "RegionName", z.region(), "ZoneName", z.name(), "ZoneId", z.id(), "GroupName", z.region(),
                        "NetworkBorderGroup", z.region(), "ZoneType", "availability-zone")).toList());
    }

    private static Map<String, Object> vpcs(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        Collection<Vpc> vpcs = region.vpcs.values();
        if (!p.strings("VpcIds").isEmpty()) {
            List<Vpc> chosen = new ArrayList<>();
            p.strings("VpcIds").forEach(id -> chosen.add(region.vpc(id)));
            vpcs = chosen;
        }
        Paging.Page<Vpc> page = Paging.page(VPC_FILTERS.apply(vpcs, p.structs("Filters")), p, 5, 1000);
        return Fields.of("Vpcs", page.items().stream().map(v -> (Object) Fields.of(
                "CidrBlock", v.cidr,
                "DhcpOptionsId", "dopt-" + v.id.substring(4),
                "State", "available",
                "VpcId", v.id,
                "OwnerId", v.ownerId,
                "InstanceTenancy", "default",
                "CidrBlockAssociationSet", List.of(Fields.of("AssociationId", "vpc-cidr-assoc-" + v.id.substring(4), "CidrBlock", v.cidr,
                        "CidrBlockState", Fields.of("State", "associated"))),
                "IsDefault", v.isDefault,
                "Tags", v.tags.isEmpty() ? null : v.tagList())).toList(), "NextToken", page.nextToken());
    }

    private static Map<String, Object> subnets(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        Collection<Subnet> subnets = region.subnets.values();
        if (!p.strings("SubnetIds").isEmpty()) {
            List<Subnet> chosen = new ArrayList<>();
            p.strings("SubnetIds").forEach(id -> chosen.add(region.subnet(id)));
            subnets = chosen;
        }
        Paging.Page<Subnet> page = Paging.page(SUBNET_FILTERS.apply(subnets, p.structs("Filters")), p, 5, 1000);
        return Fields.of("Subnets", page.items().stream().map(s -> (Object) Fields.of(
                "AvailabilityZone", s.availabilityZone,
                "AvailableIpAddressCount", 4091,
                "CidrBlock", s.cidr,
                "DefaultForAz", s.defaultForAz,
                "MapPublicIpOnLaunch", true,
                "State", "available",
                "SubnetId", s.id,
                "VpcId", s.vpcId,
                "OwnerId", s.ownerId,
                "AssignIpv6AddressOnCreation", false,
                "SubnetArn", "arn:aws:ec2:" + region.name + ":" + s.ownerId + ":subnet/" + s.id,
                "Tags", s.tags.isEmpty() ? null : s.tagList())).toList(), "NextToken", page.nextToken());
    }
}
