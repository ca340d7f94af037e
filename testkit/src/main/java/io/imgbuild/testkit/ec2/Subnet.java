package io.imgbuild.testkit.ec2;

import java.time.Instant;

/** A subnet of a VPC in one availability zone; the default VPC has one per zone. */
final class Subnet extends Resource {

    String vpcId;
    String availabilityZone;
    String cidr;
    boolean defaultForAz;
    String ownerId;
    /** Hands out private addresses in the subnet. */
    int nextHost = 10;

    Subnet(String id, Instant createdAt) {
        super(id, createdAt);
    }

    @Override
    String resourceType() {
        return "subnet";
    }

    String nextPrivateIp() {
        String[] base = cidr.substring(0, cidr.indexOf('/')).split("\\.");
        int host = nextHost++;
        return base[0] + "." + base[1] + "." + (Integer.parseInt(base[2]) + host / 250) + "." + (host % 250 + 4);
    }
}
