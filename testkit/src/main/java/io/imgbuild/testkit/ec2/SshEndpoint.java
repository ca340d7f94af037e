package io.imgbuild.testkit.ec2;

import java.nio.file.Path;

/**
  * The real SSH server every simulated instance stands for (a test's sshd, a QEMU guest): its host
  * is reported as each instance's public and private IP address, its port is what a template sets
  * as {@code ssh_port}. When {@code authorizedKeys} is set, the simulator keeps that file listing
  * the public keys of the key pairs of the instances now pending or running, as cloud-init would
  * install them, so a key from CreateKeyPair logs in to the server that sshd_config points there.
  */
public record SshEndpoint(String host, int port, Path authorizedKeys) {

    public static SshEndpoint of(String host, int port) {
        return new SshEndpoint(host, port, null);
    }

    public SshEndpoint withAuthorizedKeys(Path file) {
        return new SshEndpoint(host, port, file);
    }
}
