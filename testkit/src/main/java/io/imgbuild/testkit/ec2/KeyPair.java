package io.imgbuild.testkit.ec2;

import java.time.Instant;

/** A key pair: its name, fingerprint and the public key an instance launched with it accepts. */
final class KeyPair extends Resource {

    String name;
    String fingerprint;
    String keyType;
    /** One OpenSSH authorized_keys line. */
    String publicKey;

    KeyPair(String id, Instant createdAt) {
        super(id, createdAt);
    }

    @Override
    String resourceType() {
        return "key-pair";
    }
}
