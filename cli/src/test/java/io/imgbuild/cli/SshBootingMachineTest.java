package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.SshdPerClass;
import io.imgbuild.core.communicator.ExecResult;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ssh.SshCommunicator;
import io.imgbuild.core.ssh.SshSettings;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.testkit.ssh.OpenSshServer;
import io.imgbuild.testkit.ssh.SlirpLikeForwarder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Waiting for SSH on a machine that boots behind a port forward that accepts at once and keeps early
 * connections silent (QEMU's user-mode network): sshd is found soon after it comes up, and no silent
 * connection is left open, neither after connecting nor after a cancel.
 */
class SshBootingMachineTest {

    @RegisterExtension
    static final SshdPerClass SSHD = new SshdPerClass();

    private static final BuildUi UI = new Ui(Secrets.global(), List.of(), Clock.systemUTC()).forBuild("booting");

    private static SshSettings through(SlirpLikeForwarder slirp) {
        OpenSshServer s = SSHD.server();
        return SshSettings.of(slirp.host(), slirp.port(), s.user(), null, s.privateKey()).withTimeout(Duration.ofSeconds(60));
    }

    @Test
    void sshdIsFoundWithinAboutASecondOfAnsweringAndTheSilentConnectionsAreClosed() throws Exception {
        OpenSshServer s = SSHD.server();
        // A first login warms the JVM's cryptography up, so the time measured below is the wait's own.
        SshCommunicator.connect(SshSettings.of(s.host(), s.port(), s.user(), null, s.privateKey()), UI,
                Cancellation.root()).close();
        // 4.5 s after the first attempt: one at a time (3 s banner wait + 0.5 s pause) would connect only at 7 s.
        try (SlirpLikeForwarder slirp = SlirpLikeForwarder.start(s.host(), s.port(), Duration.ofMillis(4500));
             SshCommunicator c = SshCommunicator.connect(through(slirp), UI, Cancellation.root())) {
            long connectedAt = System.nanoTime();
            long triedMillis = TimeUnit.NANOSECONDS.toMillis(slirp.firstForwardedAt() - slirp.forwardingStartsAt());
            long lateMillis = TimeUnit.NANOSECONDS.toMillis(connectedAt - slirp.forwardingStartsAt());
            assertTrue(triedMillis < 2000, "the first attempt that could reach sshd came " + triedMillis + " ms after it"
                    + " became reachable");
            assertTrue(lateMillis < 2300, "connected " + lateMillis + " ms after sshd became reachable");
            assertTrue(slirp.silentConnections() >= 4, "attempts overlapped while the port stayed silent: "
                    + slirp.silentConnections() + " silent connections");
            assertTrue(slirp.awaitSilentConnectionsClosed(Duration.ofSeconds(2)), "the client closed every silent"
                    + " connection: " + slirp.silentConnectionsClosedByClient() + " of " + slirp.silentConnections());
            ExecResult r = c.execute("true", OutputListener.of(line -> { }, line -> { }), Cancellation.root());
            assertEquals(0, r.exitStatus(), "the session that won works");
        }
    }

    @Test
    void cancellingWhileConnectionsHangClosesThemAllAtOnce() throws Exception {
        OpenSshServer s = SSHD.server();
        try (SlirpLikeForwarder slirp = SlirpLikeForwarder.start(s.host(), s.port(), Duration.ofHours(1))) {
            Cancellation cancellation = Cancellation.root();
            CompletableFuture<SshCommunicator> connect = CompletableFuture.supplyAsync(() -> {
                try {
                    return SshCommunicator.connect(through(slirp), UI, cancellation);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2500);
            assertTrue(slirp.silentConnections() >= 2, "attempts overlap: " + slirp.silentConnections());
            long cancelledAt = System.nanoTime();
            cancellation.cancel("interrupted");
            ExecutionException e = assertThrows(ExecutionException.class, () -> connect.get(10, TimeUnit.SECONDS));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
            assertInstanceOf(CancelledException.class, e.getCause().getCause(), e.toString());
            assertTrue(tookMillis < 500, "the wait ended " + tookMillis + " ms after the cancel");
            assertTrue(slirp.awaitSilentConnectionsClosed(Duration.ofSeconds(1)), "the client closed every silent"
                    + " connection: " + slirp.silentConnectionsClosedByClient() + " of " + slirp.silentConnections());
        }
    }
}
