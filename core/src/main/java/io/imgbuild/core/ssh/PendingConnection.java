package io.imgbuild.core.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;

/**
 * One TCP connection to an SSH port, up to the server's version line: the part of an attempt that a
 * booting machine behind a port forward can leave hanging. It is polled rather than waited on, so
 * that several can be in flight at once ({@link OverlappingDial}); closing it at any moment closes
 * its socket, even one whose connection completes later.
 */
final class PendingConnection implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final ConnectFuture future;
    private final AtomicReference<String> mismatch;
    private final String host;
    private final int port;
    private final ConnectAttempt.Waits waits;
    private final long startedAt = System.nanoTime();
    private long connectedAt;
    private volatile boolean closed;

    private PendingConnection(ConnectFuture future, AtomicReference<String> mismatch, String host, int port,
                              ConnectAttempt.Waits waits) {
        this.future = future;
        this.mismatch = mismatch;
        this.host = host;
        this.port = port;
        this.waits = waits;
    }

    static PendingConnection start(SshSettings s, String host, int port, ConnectAttempt.Waits waits)
            throws SshConnectException {
        SshClient client = SshClients.forSettings(s);
        AtomicReference<String> mismatch = new AtomicReference<>();
        AttributeRepository context = AttributeRepository.ofAttributesMap(Map.of(
                HostKeyCheck.EXPECTED, s.hostKeyFingerprint() == null ? "" : s.hostKeyFingerprint(),
                HostKeyCheck.MISMATCH, mismatch));
        ConnectFuture f;
        try {
            f = client.connect(s.username(), host, port, context, null);
        } catch (IOException | RuntimeException e) {
            throw new SshConnectException(ConnectAttempt.classifyConnect(e), e);
        }
        PendingConnection p = new PendingConnection(f, mismatch, host, port, waits);
        // A connection that completes after it was given up must not stay open.
        f.addListener(done -> {
            if (p.closed && done.isConnected()) {
                done.getSession().close(true);
            }
        });
        return p;
    }

    /**
     * Whether the server has sent its version line; false while still waiting. A connection closed
     * before that is a failure like any other (a port forward with nothing behind it yet resets
     * connections), so it does not end the overlapping of attempts.
     *
     * @throws SshConnectException when the connection failed or stayed silent too long (it is closed)
     */
    boolean answered() throws SshConnectException {
        long now = System.nanoTime();
        if (!future.isDone()) {
            if (now - startedAt > waits.connect().toNanos()) {
                close();
                throw new SshConnectException(new ConnectFailure(ConnectFailure.Kind.TIMED_OUT, "no TCP connection to "
                        + host + ":" + port + " within " + waits.connect().toSeconds() + " s"), null);
            }
            return false;
        }
        if (!future.isConnected()) {
            close();
            Throwable e = future.getException();
            throw new SshConnectException(ConnectAttempt.classifyConnect(e), e);
        }
        ClientSession session = future.getSession();
        if (session.getServerVersion() != null) {
            return true;
        }
        if (!session.isOpen()) {
            close();
            throw new SshConnectException(ConnectAttempt.CLOSED_EARLY, null);
        }
        if (connectedAt == 0) {
            connectedAt = now;
        } else if (now - connectedAt > waits.banner().toNanos()) {
            close();
            throw new SshConnectException(new ConnectFailure(ConnectFailure.Kind.HANDSHAKE, "connected to " + host + ":"
                    + port + ", but no SSH server answered within " + waits.banner().toSeconds()
                    + " s (the machine is probably still booting)"), null);
        }
        return false;
    }

    /**
     * Waits for {@link #answered()}, alone: for a host that is up already, or the hops through a bastion.
     * An interrupt closes the connection and counts as no answer.
     */
    void awaitAnswer() throws SshConnectException {
        while (!answered()) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new SshConnectException(new ConnectFailure(ConnectFailure.Kind.OTHER, "interrupted"), e);
            }
        }
    }

    /** When it was started, for starting the next one a while later. */
    long startedAt() {
        return startedAt;
    }

    /** The session, once {@link #answered()}; the caller owns it from then on. */
    ClientSession session() {
        return future.getSession();
    }

    /** The host key that did not match ssh_host_key_fingerprint, if the key exchange found one. */
    String mismatchedHostKey() {
        return mismatch.get();
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        closed = true;
        if (future.isDone()) {
            if (future.isConnected()) {
                future.getSession().close(true);
            }
        } else {
            future.cancel();
        }
    }
}
