package io.imgbuild.core.ssh;

import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to reach the machine: TCP connect up to the server's version line
 * ({@link PendingConnection}; through the bastion when there is one), key exchange with the host key
 * check, then authentication. Each failure is classified so the wait
 * loop can say what is going on and decide whether to keep trying.
 */
final class ConnectAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectAttempt.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long a connected socket may stay silent before the server names itself. A port forwarded by
     * QEMU's user-mode network accepts at once even while the guest is still booting, and then says
     * nothing until it gives up (about 30 s); an sshd sends its version line as soon as it accepts,
     * before any cryptography. So a short wait here (with connections overlapping meanwhile, see
     * {@link OverlappingDial}) finds the moment sshd is up soon, without cutting short a slow key
     * exchange on a busy emulated guest.
     */
    private static final Duration BANNER_TIMEOUT = Duration.ofSeconds(3);
    /** The key exchange after the version line; generous, as an emulated guest computes slowly. */
    private static final Duration KEX_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How long each phase of an attempt may take.
     *
     * @param connect the TCP connection
     * @param banner  the server's version line after the connection (see {@link #BANNER_TIMEOUT})
     * @param kex     the key exchange
     * @param auth    the authentication
     */
    record Waits(Duration connect, Duration banner, Duration kex, Duration auth) {

        /** For a machine being built: short waits for the banner, so a booting guest is retried soon. */
        static final Waits MACHINE = new Waits(CONNECT_TIMEOUT, BANNER_TIMEOUT, KEX_TIMEOUT, AUTH_TIMEOUT);

        /** The same bound for every phase: for a host that is up already. */
        static Waits each(Duration limit) {
            return new Waits(limit, limit, limit, limit);
        }
    }

    private ConnectAttempt() {
    }

    /** An open, authenticated session; its bastion (if any) closes with it. */
    static ClientSession open(SshSettings s) throws SshConnectException, StepFailure {
        if (s.bastion() == null) {
            return open(s, s.host(), s.port(), List.of(), Waits.MACHINE);
        }
        SshSettings.Bastion b = s.bastion();
        SshSettings hop = SshSettings.of(b.host(), b.port(), b.username(), b.password(), b.privateKey())
                .withAgent(b.agentSocket());
        ClientSession bastion = open(hop, b.host(), b.port(), List.of(), Waits.MACHINE);
        try {
            ExplicitPortForwardingTracker tunnel = bastion.createLocalPortForwardingTracker(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(s.host(), s.port()));
            SshdSocketAddress local = tunnel.getBoundAddress();
            ClientSession session = open(s, local.getHostName(), local.getPort(), List.of(), Waits.MACHINE);
            session.addCloseFutureListener(f -> {
                try {
                    tunnel.close();
                } catch (IOException e) {
                    // the bastion session closes below anyway
                }
                bastion.close(true);
            });
            return session;
        } catch (IOException e) {
            bastion.close(true);
            throw new SshConnectException(new ConnectFailure(ConnectFailure.Kind.OTHER,
                    "could not open a tunnel through bastion " + b.host() + ":" + b.port() + ": " + e.getMessage()), e);
        } catch (SshConnectException | StepFailure | RuntimeException e) {
            bastion.close(true);
            throw e;
        }
    }

    /**
     * An open, authenticated session straight to {@code s.host():s.port()} (no bastion), for a host that
     * is up already. After {@code s.privateKey()} and the agent it offers {@code defaultKeys}, the
     * user's own key files, skipping any it cannot read (an encrypted one, say), as OpenSSH does.
     */
    static ClientSession openDirect(SshSettings s, List<Path> defaultKeys, Waits waits)
            throws SshConnectException, StepFailure {
        return open(s, s.host(), s.port(), defaultKeys, waits);
    }

    private static ClientSession open(SshSettings s, String host, int port, List<Path> defaultKeys, Waits waits)
            throws SshConnectException, StepFailure {
        PendingConnection connection = PendingConnection.start(s, host, port, waits);
        connection.awaitAnswer();
        return finish(connection, s, defaultKeys, waits);
    }

    /**
     * The rest of an attempt once the server has answered: the key exchange with the host key check,
     * then authentication. The session is closed when this fails.
     */
    static ClientSession finish(PendingConnection connection, SshSettings s, List<Path> defaultKeys, Waits waits)
            throws SshConnectException, StepFailure {
        ClientSession session = connection.session();
        String host = connection.host();
        int port = connection.port();
        try {
            Set<ClientSession.ClientSessionEvent> reached = session.waitFor(EnumSet.of(
                    ClientSession.ClientSessionEvent.WAIT_AUTH, ClientSession.ClientSessionEvent.AUTHED,
                    ClientSession.ClientSessionEvent.CLOSED), waits.kex());
            if (reached.contains(ClientSession.ClientSessionEvent.TIMEOUT)) {
                session.close(true);
                throw new SshConnectException(new ConnectFailure(ConnectFailure.Kind.HANDSHAKE, "connected to " + host
                        + ":" + port + ", but no SSH key exchange within " + waits.kex().toSeconds()
                        + " s (the machine is probably still booting)"), null);
            }
        } catch (RuntimeException e) {
            ConnectFailure failure = failureOf(connection.mismatchedHostKey(), e, s, defaultKeys, host, port);
            session.close(true);
            throw new SshConnectException(failure, e);
        }
        try {
            if (s.password() != null && !s.password().isEmpty()) {
                session.addPasswordIdentity(s.password());
            }
            if (s.privateKey() != null) {
                for (KeyPair kp : loadKeys(session, s.privateKey())) {
                    session.addPublicKeyIdentity(kp);
                }
            }
            for (Path file : defaultKeys) {
                try {
                    for (KeyPair kp : loadKeys(session, file)) {
                        session.addPublicKeyIdentity(kp);
                    }
                } catch (StepFailure e) {
                    LOG.debug("skipping the default key {}: {}", file, e.getMessage());
                }
            }
            session.auth().verify(waits.auth());
            return session;
        } catch (IOException | RuntimeException e) {
            ConnectFailure failure = failureOf(connection.mismatchedHostKey(), e, s, defaultKeys, host, port);
            session.close(true);
            throw new SshConnectException(failure, e);
        } catch (StepFailure e) {
            session.close(true);
            throw e;
        }
    }

    /** A pinned host key that did not match wins over whatever error the closed session then gave. */
    private static ConnectFailure failureOf(String mismatchedKey, Throwable e, SshSettings s, List<Path> defaultKeys,
                                            String host, int port) {
        if (mismatchedKey != null) {
            return new ConnectFailure(ConnectFailure.Kind.HOST_KEY, "the host key of " + host + ":" + port + " is "
                    + mismatchedKey + ", not " + s.hostKeyFingerprint()
                    + " as ssh_host_key_fingerprint says");
        }
        return classifyAuth(e, s, defaultKeys);
    }

    private static Iterable<KeyPair> loadKeys(ClientSession session, Path file) throws StepFailure {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName(file.toString()), in,
                    null);
            if (keys == null || !keys.iterator().hasNext()) {
                throw new StepFailure("no private key found in " + file);
            }
            return keys;
        } catch (NoSuchFileException e) {
            throw new StepFailure("the private key file " + file + " does not exist");
        } catch (IOException | GeneralSecurityException e) {
            throw new StepFailure("cannot read the private key " + file + ": " + e.getMessage()
                    + " (encrypted keys need ssh_agent_auth)");
        }
    }

    static ConnectFailure classifyConnect(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new ConnectFailure(ConnectFailure.Kind.REFUSED, t.getMessage());
            }
            if (t instanceof SocketTimeoutException || (t.getMessage() != null && t.getMessage().contains("timeout"))) {
                return new ConnectFailure(ConnectFailure.Kind.TIMED_OUT, String.valueOf(t.getMessage()));
            }
            if (t instanceof NoRouteToHostException) {
                return new ConnectFailure(ConnectFailure.Kind.OTHER, "no route to host");
            }
            if (t instanceof UnknownHostException) {
                return new ConnectFailure(ConnectFailure.Kind.OTHER, "unknown host " + t.getMessage());
            }
        }
        if (closedEarly(e)) {
            return CLOSED_EARLY;
        }
        return new ConnectFailure(ConnectFailure.Kind.OTHER, String.valueOf(e.getMessage()));
    }

    static final ConnectFailure CLOSED_EARLY = new ConnectFailure(ConnectFailure.Kind.HANDSHAKE,
            "the connection closed before the SSH server answered (sshd is not up yet)");

    /**
     * A reset or closed connection before the key exchange: what a port forward (QEMU user networking,
     * a load balancer) does while nothing listens behind it yet. MINA reports it in several ways.
     */
    private static boolean closedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Connection reset") || m.contains("Broken pipe") || m.contains("No session attached")
                    || t.getClass().getSimpleName().equals("MissingAttachedSessionException")) {
                return true;
            }
        }
        return false;
    }

    private static ConnectFailure classifyAuth(Throwable e, SshSettings s, List<Path> defaultKeys) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No more authentication methods") || msg.contains("authentication")) {
            List<String> ways = new ArrayList<>();
            if (s.password() != null) {
                ways.add("password");
            }
            if (s.privateKey() != null) {
                ways.add("private key " + s.privateKey());
            }
            if (s.agentSocket() != null) {
                ways.add("the keys of ssh-agent");
            }
            if (!defaultKeys.isEmpty()) {
                ways.add("the default keys " + defaultKeys.stream().map(Path::toString).collect(Collectors.joining(", ")));
            }
            String tried = ways.isEmpty() ? "no password or key given" : String.join(", ", ways);
            return new ConnectFailure(ConnectFailure.Kind.AUTH, "the server refused user " + s.username() + " (tried "
                    + tried + ")");
        }
        return closedEarly(e) ? CLOSED_EARLY : new ConnectFailure(ConnectFailure.Kind.HANDSHAKE, msg);
    }
}
