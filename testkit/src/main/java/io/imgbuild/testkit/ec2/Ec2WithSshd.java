package io.imgbuild.testkit.ec2;

import io.imgbuild.testkit.ssh.OpenSshServer;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An {@link Ec2Simulator} whose instances answer real SSH: a loopback {@link OpenSshServer} (key and,
 * as root, password login) that also accepts the key pair of every pending or running instance, as
 * cloud-init would have installed it. Launch with a key pair (CreateKeyPair, or ImportKeyPair of a
 * key you made) and the private key logs in as {@link #user()} at {@code 127.0.0.1:}{@link #sshPort()}
 * once RunInstances has answered; after TerminateInstances (or StopInstances) it no longer does.
 *
 * <p>Every instance reports {@code 127.0.0.1} as its public and private IP address and
 * {@code localhost} as its public and private DNS name (the public ones only while it is pending or
 * running, as on EC2 without an Elastic IP), so a template's usual {@code ssh_interface} reaches the
 * server; a template sets {@code "custom_endpoint_ec2": endpoint()}, {@code "ssh_port": sshPort()}
 * and {@code "ssh_username": user()}.
 *
 * <pre>{@code
 * try (Ec2WithSshd cloud = Ec2WithSshd.start(Timings.uniform(Duration.ofMillis(300)))) {
 *   Ec2Client ec2 = Ec2Client.builder().endpointOverride(cloud.endpoint())...;
 *   // CreateKeyPair, RunInstances with that KeyName, then ssh -p cloud.sshPort() cloud.user()@127.0.0.1
 * }
 * }</pre>
 */
public final class Ec2WithSshd implements AutoCloseable {

    private final OpenSshServer sshd;
    private final Ec2Simulator simulator;

    private Ec2WithSshd(OpenSshServer sshd, Ec2Simulator simulator) {
        this.sshd = sshd;
        this.simulator = simulator;
    }

    /** Starts both, the simulator with {@link Ec2Config#defaults()} and {@code timings}. */
    public static Ec2WithSshd start(Timings timings) throws IOException, InterruptedException {
        return start(timings, UnaryOperator.identity());
    }

    /**
     * Starts both; {@code customize} adjusts the simulator's config (regions, access key,
     * port...). Its SSH endpoint is then set to the server, whatever {@code customize} made of it.
     */
    public static Ec2WithSshd start(Timings timings, UnaryOperator<Ec2Config> customize)
            throws IOException, InterruptedException {
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(customize, "customize");
        OpenSshServer sshd = OpenSshServer.start(OpenSshServer.Options.defaults().withExtraAuthorizedKeysFile());
        try {
            Ec2Config config = customize.apply(Ec2Config.defaults().withTimings(timings))
                    .withSsh(new SshEndpoint(sshd.host(), sshd.port(), sshd.extraAuthorizedKeysFile()));
            return new Ec2WithSshd(sshd, Ec2Simulator.start(config));
        } catch (IOException | RuntimeException e) {
            sshd.close();
            throw e;
        }
    }

    public Ec2Simulator simulator() {
        return simulator;
    }

    /** The server every instance stands for: its host key, log, and the test user's own keys. */
    public OpenSshServer sshd() {
        return sshd;
    }

    /** The simulator's endpoint, {@code http://127.0.0.1:PORT/} ({@code custom_endpoint_ec2}). */
    public URI endpoint() {
        return simulator.endpoint();
    }

    /** {@code 127.0.0.1}: every instance's IP address, public and private. */
    public String sshHost() {
        return sshd.host();
    }

    /** The port the instances' SSH answers on ({@code ssh_port}). */
    public int sshPort() {
        return sshd.port();
    }

    /** The login user ({@code ssh_username}): {@code imgbuild-test} as root, else the current user. */
    public String user() {
        return sshd.user();
    }

    /** Stops the simulator, then sshd; removes their temporary directories and files. */
    @Override
    public void close() {
        try {
            simulator.close();
        } finally {
            sshd.close();
        }
    }
}
