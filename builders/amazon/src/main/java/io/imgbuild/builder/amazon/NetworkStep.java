package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import tools.jackson.databind.JsonNode;

/**
 * Resolves the network options: vpc_filter, subnet_filter (most_free, random), security_group_filter,
 * and the VPC of a given subnet (a temporary security group must be made in it).
 */
final class NetworkStep implements Step {

    private final AmazonEbsConfig config;

    NetworkStep(AmazonEbsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "NetworkInfo";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        String vpcId = blankToNull(config.vpcId());
        String subnetId = blankToNull(config.subnetId());
        if (vpcId == null && hasFilters(config.vpcFilter())) {
            List<Vpc> vpcs = AwsCall.run("DescribeVpcs", region,
                    () -> ec2.ec2().describeVpcs(r -> r.filters(filters(config.vpcFilter()))).vpcs());
            if (vpcs.size() != 1) {
                throw new StepFailure("vpc_filter matches " + vpcs.size() + " VPCs in " + region
                        + "; it must match exactly one: make it more specific, or set vpc_id");
            }
            vpcId = vpcs.get(0).vpcId();
            ctx.ui().message("VPC from vpc_filter: " + vpcId);
        }
        if (subnetId == null && hasFilters(config.subnetFilter())) {
            List<Filter> f = new ArrayList<>(filters(config.subnetFilter()));
            if (vpcId != null) {
                f.add(Filter.builder().name("vpc-id").values(vpcId).build());
            }
            List<Subnet> subnets = AwsCall.run("DescribeSubnets", region,
                    () -> ec2.ec2().describeSubnets(r -> r.filters(f)).subnets());
            Subnet chosen = choose(subnets, config.subnetFilter(), region);
            subnetId = chosen.subnetId();
            vpcId = chosen.vpcId();
            ctx.ui().message("Subnet from subnet_filter: " + subnetId + " (" + chosen.availableIpAddressCount()
                    + " free addresses, " + chosen.availabilityZone() + ")");
        } else if (subnetId != null && vpcId == null) {
            String id = subnetId;
            List<Subnet> subnets = AwsCall.run("DescribeSubnets", region,
                    () -> ec2.ec2().describeSubnets(r -> r.subnetIds(id)).subnets());
            vpcId = subnets.isEmpty() ? null : subnets.get(0).vpcId();
        }
        if (subnetId != null) {
            ctx.state().put(AmazonKeys.SUBNET_ID, subnetId);
        }
        if (vpcId != null) {
            ctx.state().put(AmazonKeys.VPC_ID, vpcId);
        }
        resolveSecurityGroups(ctx, ec2, region, vpcId);
    }

    private void resolveSecurityGroups(StepContext ctx, Ec2Access ec2, String region, String vpcId)
            throws StepFailure {
        List<String> ids = new ArrayList<>(config.securityGroupIds());
        if (config.securityGroupId() != null && !config.securityGroupId().isEmpty()) {
            ids.add(config.securityGroupId());
        }
        if (ids.isEmpty() && hasFilters(config.securityGroupFilter())) {
            List<Filter> f = new ArrayList<>(filters(config.securityGroupFilter()));
            if (vpcId != null) {
                f.add(Filter.builder().name("vpc-id").values(vpcId).build());
            }
            List<SecurityGroup> groups = AwsCall.run("DescribeSecurityGroups", region,
                    () -> ec2.ec2().describeSecurityGroups(r -> r.filters(f)).securityGroups());
            if (groups.isEmpty()) {
                throw new StepFailure("security_group_filter matches no security group in " + region
                        + (vpcId == null ? "" : " (VPC " + vpcId + ")") + "; check its filters");
            }
            groups.forEach(g -> ids.add(g.groupId()));
            ctx.ui().message("Security groups from security_group_filter: " + String.join(", ", ids));
        }
        if (!ids.isEmpty()) {
            ctx.state().put(AmazonKeys.SECURITY_GROUP_IDS, List.copyOf(ids));
        }
    }

    private static Subnet choose(List<Subnet> subnets, JsonNode filter, String region) throws StepFailure {
        if (subnets.isEmpty()) {
            throw new StepFailure("subnet_filter matches no subnet in " + region + "; check its filters");
        }
        if (subnets.size() == 1) {
            return subnets.get(0);
        }
        if (filter.path("most_free").asBoolean(false)) {
            return subnets.stream().max(Comparator.comparing(s -> s.availableIpAddressCount() == null ? 0
                    : s.availableIpAddressCount())).orElseThrow();
        }
        if (filter.path("random").asBoolean(false)) {
            return subnets.get(ThreadLocalRandom.current().nextInt(subnets.size()));
        }
        throw new StepFailure("subnet_filter matches " + subnets.size() + " subnets in " + region
                + "; make it more specific, or set most_free or random to true");
    }

    static boolean hasFilters(JsonNode node) {
        return node != null && node.path("filters").isObject() && !node.path("filters").isEmpty();
    }

    static List<Filter> filters(JsonNode node) {
        List<Filter> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.path("filters").properties()) {
            JsonNode v = e.getValue();
            List<String> values = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(x -> values.add(x.asString()));
            } else {
                values.add(v.asString());
            }
            out.add(Filter.builder().name(e.getKey()).values(values).build());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
