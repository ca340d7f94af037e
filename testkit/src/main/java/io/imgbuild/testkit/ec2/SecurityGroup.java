package io.imgbuild.testkit.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A VPC security group with its ingress and egress rules. */
final class SecurityGroup extends Resource {

    /** One rule: protocol, port range, and the CIDRs or groups it admits. */
    record Rule(String protocol, Long fromPort, Long toPort, List<String> cidrs, List<String> groupIds) {}

    String name;
    String description;
    String vpcId;
    String ownerId;
    final List<Rule> ingress = new ArrayList<>();
    final List<Rule> egress = new ArrayList<>();

    SecurityGroup(String id, Instant createdAt) {
        super(id, createdAt);
    }

    @Override
    String resourceType() {
        return "security-group";
    }

    boolean isDefault() {
        return "default".equals(name);
    }
}
