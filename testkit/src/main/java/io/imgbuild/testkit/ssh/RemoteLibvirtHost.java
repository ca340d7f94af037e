package io.imgbuild.testkit.ssh;

import io.imgbuild.testkit.Commands;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * This machine's libvirt daemon dressed as a remote KVM host: Debian's sshd on a free loopback port
 * that lets root in with a key made here, so libvirt's ssh transport (and imgbuild's own SSH session
 * to the host) go through a real sshd exactly as they would to another machine. Nothing is shared
 * with the build but what crosses that sshd and the libvirt connection.
 */
public final class RemoteLibvirtHost implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final SshdProcess sshd;

    private RemoteLibvirtHost(Path dir, int port, SshdProcess sshd) {
        this.dir = dir;
        this.port = port;
        this.sshd = sshd;
    }

    /** Starts the sshd; its keys and config live in {@code dir}. Must run as root, as qemu:///system needs. */
    public static RemoteLibvirtHost start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Commands.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString())).orThrow();
        Commands.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id_ed25519").toString())).orThrow();
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
        Path wrapper = dir.resolve("ssh");
        Files.writeString(wrapper, "#!/bin/sh\nexec ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile="
                + dir.resolve("known_hosts") + " -o LogLevel=ERROR \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String marker = "IMGBUILD_TESTKIT_SSHD=" + dir.getFileName() + "-" + port;
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no",
                "AllowTcpForwarding yes",
                // marks the sessions, so SshdProcess finds them where it cannot use a PID namespace
                "SetEnv " + marker,
                ""));
        // SshdProcess, as for every test sshd: closing it ends the sessions libvirt opened too.
        SshdProcess p = SshdProcess.start(dir, null, dir.resolve("sshd_config"), dir.resolve("sshd.log"), marker);
        RemoteLibvirtHost host = new RemoteLibvirtHost(dir, port, p);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return host;
            } catch (IOException notYet) {
                if (p.exited(Files.readString(dir.resolve("sshd.log")))) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        host.close();
        throw new IOException("the test sshd did not start; its log: " + Files.readString(dir.resolve("sshd.log")));
    }

    /**
     * The libvirt URI of this "host": libvirt's ssh transport (OpenSSH's client) with its known_hosts
     * file here, through a wrapper named by {@code command=} (plain ssh would add the host to root's
     * ~/.ssh/known_hosts). Not qemu+libssh: that transport hangs inside a JVM (see UnsupportedOptionsStep).
     */
    public String uri() {
        return "qemu+ssh://root@127.0.0.1:" + port + "/system?keyfile=" + privateKey() + "&command=" + dir.resolve("ssh");
    }

    public Path privateKey() {
        return dir.resolve("id_ed25519");
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        sshd.killAll();
    }
}
