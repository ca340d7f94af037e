package io.imgbuild.core.ssh;

import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH session to a remote libvirt host that carries the build's tunnels. The guest runs there
 * with QEMU user-mode networking, so its SSH port is on the host's loopback ({@link #forwardLocal})
 * and the loopback the guest fetches from (10.0.2.2) is the host's, which must reach the HTTP server
 * here ({@link #forwardRemote}). {@link #close()} ends every forward with the session.
 *
 * <p>It logs in as libvirt's ssh transport does: the key file of the URI if there is one, else the
 * agent, else the user's default keys. Any host key is accepted and its fingerprint logged (at debug),
 * as the communicator does without ssh_host_key_fingerprint.
 */
public final class HostTunnels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostTunnels.class);
    private static final String LOOPBACK = "127.0.0.1";
    /** The key files OpenSSH's client tries by default, in its order (DSA and security keys left out). */
    private static final List<String> DEFAULT_KEY_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /**
     * Who logs in where.
     *
     * @param privateKey  a private key file (libvirt's {@code keyfile} parameter), or null
     * @param agentSocket the ssh-agent socket (SSH_AUTH_SOCK), or null; used only without a key file
     */
    public record HostLogin(String host, int port, String username, Path privateKey, String agentSocket) {

        public HostLogin {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            agentSocket = agentSocket == null || agentSocket.isBlank() ? null : agentSocket;
        }

        /** "user@host:port" for messages. */
        public String target() {
            return username + "@" + host + ":" + port;
        }
    }

    private final HostLogin login;
    private final ClientSession session;
    private final List<ExplicitPortForwardingTracker> forwards = new ArrayList<>();
    private boolean closed;

    private HostTunnels(HostLogin login, ClientSession session) {
        this.login = login;
        this.session = session;
    }

    /**
     * Opens the session, waiting at most {@code timeout} for each of connecting, the key exchange and
     * logging in.
     *
     * @throws IOException saying user@host:port and why (refused, timed out, authentication failed ...)
     */
    public static HostTunnels open(HostLogin login, Duration timeout) throws IOException {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        SshSettings settings = SshSettings.of(login.host(), login.port(), login.username(), null, login.privateKey());
        List<Path> defaultKeys = List.of();
        if (login.privateKey() == null && login.agentSocket() != null) {
            settings = settings.withAgent(Path.of(login.agentSocket()));
        } else if (login.privateKey() == null) {
            defaultKeys = defaultKeys(Path.of(System.getProperty("user.home")));
        }
        ClientSession session;
        try {
            session = ConnectAttempt.openDirect(settings, defaultKeys, ConnectAttempt.Waits.each(timeout));
        } catch (SshConnectException e) {
            throw new IOException(cannotOpen(login) + e.failure().describe() + hint(e.failure().kind()), e);
        } catch (StepFailure e) {
            throw new IOException(cannotOpen(login) + e.getMessage(), e);
        }
        LOG.debug("SSH session to {} for tunnels is open; host key {}", login.target(),
                session.getAttribute(HostKeyCheck.SEEN));
        return new HostTunnels(login, session);
    }

    /** The default key files under {@code home}/.ssh that exist, in the order they are offered. */
    static List<Path> defaultKeys(Path home) {
        List<Path> out = new ArrayList<>();
        for (String name : DEFAULT_KEY_NAMES) {
            Path key = home.resolve(".ssh").resolve(name);
            if (Files.isRegularFile(key)) {
                out.add(key);
            }
        }
        return out;
    }

    private static String cannotOpen(HostLogin login) {
        return "cannot open an SSH session to the libvirt host " + login.target() + ": ";
    }

    private static String hint(ConnectFailure.Kind kind) {
        return switch (kind) {
            case REFUSED -> " (is sshd running there, and is the port right?)";
            case TIMED_OUT -> " (check the host name, and that no firewall drops the connection)";
            case AUTH -> " (give a key with ?keyfile= in the URI, load one into ssh-agent, or authorize"
                    + " ~/.ssh/id_ed25519 there)";
            default -> "";
        };
    }

    /**
     * A libvirt connection URI's SSH login, or empty when the URI does not go over SSH
     * ({@code qemu:///system}, {@code qemu+unix://...}, {@code qemu+tcp://...}, {@code test:///default}).
     * SSH transports are {@code +ssh}, {@code +libssh} and {@code +libssh2}: {@code
     * qemu+ssh://[user@]host[:port]/system[?keyfile=PATH&...]}. Other parameters are ignored.
     *
     * @param currentUser the user name when the URI names none (ssh's default: who runs imgbuild)
     * @param agentSocket the SSH_AUTH_SOCK of the environment imgbuild runs in, or null
     * @throws IllegalArgumentException when an SSH URI is malformed or names no host
     */
    public static Optional<HostLogin> loginFromLibvirtUri(String uri, String currentUser, String agentSocket) {
        return LibvirtSshUri.parse(uri, currentUser, agentSocket);
    }

    /** Whether a libvirt URI goes over SSH ({@code +ssh}, {@code +libssh}, {@code +libssh2}), however well formed. */
    public static boolean isSshTransport(String uri) {
        return uri != null && LibvirtSshUri.isSshTransport(uri);
    }

    /**
     * A port on this machine's 127.0.0.1, chosen by the system, that reaches {@code remoteHost:remotePort}
     * as the remote host sees it ({@code 127.0.0.1} there is the remote host itself).
     */
    public synchronized int forwardLocal(String remoteHost, int remotePort) throws IOException {
        checkOpen();
        try {
            ExplicitPortForwardingTracker t = session.createLocalPortForwardingTracker(
                    new SshdSocketAddress(LOOPBACK, 0), new SshdSocketAddress(remoteHost, remotePort));
            forwards.add(t);
            int port = t.getBoundAddress().getPort();
            LOG.debug("forwarding 127.0.0.1:{} here to {}:{} on {}", port, remoteHost, remotePort, login.target());
            return port;
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot forward a local port to " + remoteHost + ":" + remotePort + " through "
                    + login.target() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A port on the remote host's 127.0.0.1, chosen by its sshd, that reaches {@code 127.0.0.1:localPort}
     * on this machine.
     */
    public synchronized int forwardRemote(int localPort) throws IOException {
        checkOpen();
        try {
            ExplicitPortForwardingTracker t = session.createRemotePortForwardingTracker(
                    new SshdSocketAddress(LOOPBACK, 0), new SshdSocketAddress(LOOPBACK, localPort));
            forwards.add(t);
            int port = t.getBoundAddress().getPort();
            LOG.debug("forwarding 127.0.0.1:{} on {} to 127.0.0.1:{} here", port, login.target(), localPort);
            return port;
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot forward a port on " + login.target() + " to 127.0.0.1:" + localPort
                    + " here: " + e.getMessage() + " (does its sshd_config say AllowTcpForwarding no?)", e);
        }
    }

    public HostLogin login() {
        return login;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the SSH session to " + login.target() + " is closed");
        }
        if (!session.isOpen() || session.isClosing()) {
            throw new IOException("the SSH session to " + login.target() + " was lost");
        }
    }

    /** Stops every forward (their ports refuse connections from now on) and closes the session. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ExplicitPortForwardingTracker t : forwards) {
            try {
                t.close();
            } catch (IOException | RuntimeException e) {
                // closing the session below ends it anyway
                LOG.debug("stopping forward {} on {}: {}", t, login.target(), e.toString());
            }
        }
        forwards.clear();
        session.close(true);
        LOG.debug("closed the SSH session to {}", login.target());
    }
}
