package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.SshAgentProcess;
import io.imgbuild.cli.testing.SshdPerClass;
import io.imgbuild.core.ssh.HostTunnels;
import io.imgbuild.core.ssh.HostTunnels.HostLogin;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH session to a remote libvirt host that carries the build's tunnels, against a real OpenSSH
 * sshd; the "remote host" is this machine, so its loopback is ours.
 */
@Timeout(120)
class HostTunnelsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final SshdPerClass SSHD = new SshdPerClass();

    private static HostLogin keyLogin(OpenSshServer sshd) {
        return new HostLogin(sshd.host(), sshd.port(), sshd.user(), sshd.privateKey(), null);
    }

    @Test
    void bothForwardsCarryBytesAndCloseStopsThem() throws Exception {
        OpenSshServer sshd = SSHD.server();
        try (EchoServer onTheRemoteHost = EchoServer.start(); EchoServer here = EchoServer.start()) {
            int localPort;
            int remotePort;
            try (HostTunnels tunnels = HostTunnels.open(keyLogin(sshd), TIMEOUT)) {
                localPort = tunnels.forwardLocal("127.0.0.1", onTheRemoteHost.port());
                assertRoundTrip(localPort, "to the remote host's loopback");
                assertEquals(1, onTheRemoteHost.accepted(), "the connection went through the tunnel to the echo server");

                remotePort = tunnels.forwardRemote(here.port());
                assertNotEquals(here.port(), remotePort);
                assertRoundTrip(remotePort, "from the remote host's loopback back here");
                assertEquals(1, here.accepted());
            }
            assertRefused(localPort);
            assertRefused(remotePort);
            awaitNoSessions(sshd);
        }
    }

    @Test
    void theAgentLogsInWhenThereIsNoKeyFile(@TempDir Path dir) throws Exception {
        OpenSshServer sshd = SSHD.server();
        try (SshAgentProcess agent = SshAgentProcess.start(dir).add(sshd.privateKey())) {
            try (EchoServer echo = EchoServer.start();
                 HostTunnels tunnels = HostTunnels.open(new HostLogin(sshd.host(), sshd.port(), sshd.user(), null,
                         agent.socket().toString()), TIMEOUT)) {
                assertRoundTrip(tunnels.forwardLocal("127.0.0.1", echo.port()), "logged in with the agent's key");
            }
            awaitNoSessions(sshd);
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsNamingUserHostAndPort(@TempDir Path dir) throws Exception {
        OpenSshServer sshd = SSHD.server();
        Path wrong = dir.resolve("wrong_key");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrong.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, keygen.waitFor(), "ssh-keygen");
        IOException e = assertThrows(IOException.class, () -> HostTunnels.open(
                new HostLogin(sshd.host(), sshd.port(), sshd.user(), wrong, null), TIMEOUT));
        assertEquals("cannot open an SSH session to the libvirt host " + sshd.user() + "@127.0.0.1:" + sshd.port()
                + ": authentication failed: the server refused user " + sshd.user() + " (tried private key " + wrong
                + ") (give a key with ?keyfile= in the URI, load one into ssh-agent, or authorize ~/.ssh/id_ed25519"
                + " there)", e.getMessage());
        awaitNoSessions(sshd);
    }

    @Test
    void nothingListeningIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> HostTunnels.open(
                new HostLogin("127.0.0.1", closedPort, "someone", SSHD.server().privateKey(), null), TIMEOUT));
        assertEquals("cannot open an SSH session to the libvirt host someone@127.0.0.1:" + closedPort
                + ": connection refused (is sshd running there, and is the port right?)", e.getMessage());
    }

    @Test
    void aServerWithoutTcpForwardingRefusesTheRemoteForward() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start(OpenSshServer.Options.defaults().withAllowTcpForwarding(false));
             HostTunnels tunnels = HostTunnels.open(keyLogin(sshd), TIMEOUT)) {
            IOException e = assertThrows(IOException.class, () -> tunnels.forwardRemote(8080));
            assertTrue(e.getMessage().startsWith("cannot forward a port on " + sshd.user() + "@127.0.0.1:" + sshd.port()
                    + " to 127.0.0.1:8080 here: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(does its sshd_config say AllowTcpForwarding no?)"), e.getMessage());
        }
    }

    @Test
    void aClosedSessionForwardsNothing() throws Exception {
        HostTunnels tunnels = HostTunnels.open(keyLogin(SSHD.server()), TIMEOUT);
        tunnels.close();
        tunnels.close(); // a second close does nothing
        IOException e = assertThrows(IOException.class, () -> tunnels.forwardLocal("127.0.0.1", 22));
        assertEquals("the SSH session to " + keyLogin(SSHD.server()).target() + " is closed", e.getMessage());
        awaitNoSessions(SSHD.server());
    }

    private static void assertRoundTrip(int port, String what) throws IOException {
        byte[] sent = ("hello " + what + "\n").repeat(2000).getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            Thread writer = daemon(() -> {
                try {
                    out.write(sent);
                    out.flush();
                } catch (IOException e) {
                    // the read below fails then
                }
            });
            byte[] got = in.readNBytes(sent.length);
            writer.join();
            assertArrayEquals(sent, got, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The port refuses connections (sshd may take a moment to drop a cancelled remote forward). */
    private static void assertRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                // a timeout or reset: try again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("port " + port + " still accepts connections after close()");
            }
            Thread.sleep(50);
        }
    }

    /** The session is gone on the server too: sshd has no per-connection process left. */
    private static void awaitNoSessions(OpenSshServer sshd) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProcessHandle> left = sshd.sessionProcesses();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = sshd.sessionProcesses();
        }
        assertEquals(List.of(), left, "sshd session processes left");
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "host-tunnels-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Echoes each connection's bytes back, counting connections; {@link #close()} stops it. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread acceptor;
        private volatile int accepted;

        private EchoServer(ServerSocket socket) {
            this.socket = socket;
            this.acceptor = daemon(this::acceptAll);
        }

        static EchoServer start() throws IOException {
            return new EchoServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted;
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    accepted++;
                    daemon(() -> {
                        try (c) {
                            c.getInputStream().transferTo(c.getOutputStream());
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(5000);
        }
    }
}
