package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateSecurityGroup, AuthorizeSecurityGroupIngress, DeleteSecurityGroup, DescribeSecurityGroups. */
final class SecurityGroupActions {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private static final Filters<SecurityGroup> FILTERS = Filters.of(SecurityGroup.class)
            .on("description", g -> g.description)
            .on("group-id", g -> g.id)
            .on("group-name", g -> g.name)
            .on("owner-id", g -> g.ownerId)
            .on("vpc-id", g -> g.vpcId)
            .on("ip-permission.cidr", g -> g.ingress.stream().flatMap(r -> r.cidrs().stream()).toList())
            .on("ip-permission.from-port", g -> g.ingress.stream().map(SecurityGroup.Rule::fromPort).toList())
            .on("ip-permission.to-port", g -> g.ingress.stream().map(SecurityGroup.Rule::toPort).toList())
            .on("ip-permission.protocol", g -> g.ingress.stream().map(SecurityGroup.Rule::protocol).toList());

    private SecurityGroupActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("CreateSecurityGroup", SecurityGroupActions::create);
        actions.put("AuthorizeSecurityGroupIngress", SecurityGroupActions::authorize);
        actions.put("DeleteSecurityGroup", SecurityGroupActions::delete);
        actions.put("DescribeSecurityGroups", SecurityGroupActions::describe);
    }

    private static Map<String, Object> create(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        String name = p.string("GroupName");
        if (name.length() > 255 || name.startsWith("sg-")) {
            throw Ec2Error.invalidValue("Value (" + name + ") for parameter GroupName is invalid. Group names may not be longer "
                    + "than 255 characters nor start with 'sg-'.");
        }
        if (name.equals("default")) {
            throw Ec2Error.client("InvalidGroup.Reserved", "The security group 'default' is reserved");
        }
        Vpc vpc = p.string("VpcId") == null ? region.defaultVpc : region.vpc(p.string("VpcId"));
        region.securityGroups.values().stream().filter(g -> g.name.equals(name) && g.vpcId.equals(vpc.id)).findFirst()
                .ifPresent(g -> {
                    throw Ec2Error.client("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '" + vpc.id + "'");
                });
        SecurityGroup group = new SecurityGroup(Ids.next("sg"), call.now());
        group.name = name;
        group.description = p.string("Description");
        group.vpcId = vpc.id;
        group.ownerId = call.world().accountId;
        group.egress.add(new SecurityGroup.Rule("-1", null, null, List.of("0.0.0.0/0"), List.of()));
        Tagging.add(group, Tagging.specified(p, "security-group", List.of("security-group")));
        region.securityGroups.put(group.id, group);
        return Fields.of("GroupId", group.id, "Tags", group.tags.isEmpty() ? null : group.tagList());
    }

    private static SecurityGroup target(Action.Call call) {
        Params p = call.params();
        if (p.string("GroupId") != null) {
            return call.region().securityGroup(p.string("GroupId"));
        }
        if (p.string("GroupName") != null) {
            return call.region().securityGroupNamed(p.string("GroupName"));
        }
        throw Ec2Error.missing("GroupId");
    }

    private static Map<String, Object> authorize(Action.Call call) {
        Params p = call.params();
        SecurityGroup group = target(call);
        List<SecurityGroup.Rule> rules = new ArrayList<>();
        for (Params permission : p.structs("IpPermissions")) {
            List<String> cidrs = permission.structs("IpRanges").stream().map(r -> r.string("CidrIp")).filter(c -> c != null).toList();
            List<String> groups = permission.structs("UserIdGroupPairs").stream().map(g -> g.string("GroupId")).filter(g -> g != null).toList();
            rules.add(rule(call.region(), permission.string("IpProtocol"), permission.number("FromPort"), permission.number("ToPort"),
                    cidrs, groups));
        }
        if (p.string("IpProtocol") != null) {
            rules.add(rule(call.region(), p.string("IpProtocol"), p.number("FromPort"), p.number("ToPort"),
                    p.string("CidrIp") == null ? List.of() : List.of(p.string("CidrIp")), List.of()));
        }
        if (rules.isEmpty()) {
            throw Ec2Error.missing("IpPermissions");
        }
        for (SecurityGroup.Rule rule : rules) {
            if (group.ingress.contains(rule)) {
                throw Ec2Error.client("InvalidPermission.Duplicate", "the specified rule \"peer: " + String.join(", ", rule.cidrs())
                        + ", " + rule.protocol().toUpperCase(java.util.Locale.ROOT) + ", from port: " + rule.fromPort() + ", to port: "
                        + rule.toPort() + ", ALLOW\" already exists");
            }
        }
        group.ingress.addAll(rules);
        return Fields.of("Return", true);
    }

    private static SecurityGroup.Rule rule(RegionState region, String protocol, Long from, Long to, List<String> cidrs,
            List<String> groups) {
        if (protocol == null) {
            throw Ec2Error.missing("IpPermissions.N.IpProtocol");
        }
        String normalized = switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            case "-1", "all" -> "-1";
            default -> throw Ec2Error.invalidValue("Invalid value '" + protocol + "' for IP protocol. Unknown protocol.");
        };
        for (String cidr : cidrs) {
            var m = CIDR.matcher(cidr);
            boolean ok = m.matches();
            for (int i = 1; ok && i <= 4; i++) {
                ok = Integer.parseInt(m.group(i)) <= 255;
            }
            if (!ok || Integer.parseInt(m.group(5)) > 32) {
                throw Ec2Error.invalidValue("CIDR block " + cidr + " is malformed");
            }
        }
        groups.forEach(region::securityGroup);
        if (normalized.equals("-1")) {
            return new SecurityGroup.Rule(normalized, null, null, cidrs, groups);
        }
        if ((normalized.equals("tcp") || normalized.equals("udp"))
                && (from == null || to == null || from < 0 || to > 65535 || from > to)) {
            throw Ec2Error.invalidValue("Invalid port range: from " + from + " to " + to + " (both from 0 to 65535, from <= to)");
        }
        return new SecurityGroup.Rule(normalized, from, to, cidrs, groups);
    }

    private static Map<String, Object> delete(Action.Call call) {
        SecurityGroup group = target(call);
        RegionState region = call.region();
        if (group.isDefault()) {
            throw Ec2Error.client("CannotDelete", "the specified group: \"" + group.id + "\" name: \"default\" cannot be deleted by a user");
        }
        boolean used = region.instances.values().stream()
                .anyMatch(i -> i.state != InstanceState.TERMINATED && i.securityGroupIds.contains(group.id));
        boolean referenced = region.securityGroups.values().stream()
                .anyMatch(g -> g != group && g.ingress.stream().anyMatch(r -> r.groupIds().contains(group.id)));
        if (used || referenced) {
            throw Ec2Error.client("DependencyViolation", "resource " + group.id + " has a dependent object");
        }
        region.securityGroups.remove(group.id);
        return Fields.of();
    }

    private static Map<String, Object> describe(Action.Call call) {
        Params p = call.params();
        RegionState region = call.region();
        Collection<SecurityGroup> groups = region.securityGroups.values();
        if (!p.strings("GroupIds").isEmpty() || !p.strings("GroupNames").isEmpty()) {
            List<SecurityGroup> chosen = new ArrayList<>();
            p.strings("GroupIds").forEach(id -> chosen.add(region.securityGroup(id)));
            p.strings("GroupNames").forEach(name -> chosen.add(region.securityGroupNamed(name)));
            groups = chosen;
        }
        Paging.Page<SecurityGroup> page = Paging.page(FILTERS.apply(groups, p.structs("Filters")), p, 5, 1000);
        return Fields.of("SecurityGroups", page.items().stream().map(g -> (Object) Views.securityGroup(g)).toList(),
                "NextToken", page.nextToken());
    }
}
