package io.imgbuild.testkit.ec2;

import java.time.Instant;

/** A VPC; every region starts with its default one. */
final class Vpc extends Resource {

    String cidr;
    boolean isDefault;
    String ownerId;

    Vpc(String id, Instant createdAt) {
        super(id, createdAt);
    }

    @Override
    String resourceType() {
        return "vpc";
    }
}
