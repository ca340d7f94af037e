package io.imgbuild.core.ssh;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for SSH the way a user would want to watch it: it says where it connects and as whom, and
 * each time the reason for failing changes (or every 30 s) what the last attempt ran into: refused,
 * timed out, handshake failed, authentication failed. Authentication failures end the wait after
 * ssh_handshake_attempts; a host key mismatch ends it at once; otherwise it gives up at
 * ssh_timeout, naming the last reason. Packer says only "Waiting for SSH to become available".
 * Straight to the machine, connections overlap while none has reached an SSH server
 * ({@link OverlappingDial}), so a guest booting behind a port forward is found soon after its sshd is up.
 */
final class SshWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(SshWaiter.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private SshWaiter() {
    }

    static ClientSession await(SshSettings s, BuildUi ui, Cancellation cancellation) throws StepFailure, CancelledException {
        CipherWarmUp.startOnce();
        String via = s.bastion() == null ? "" : " through bastion " + s.bastion().host() + ":" + s.bastion().port();
        ui.say("Waiting for SSH on " + s.host() + ":" + s.port() + via + " as " + s.username() + " (timeout "
                + GoDuration.format(s.timeout()) + ")...");
        long start = System.nanoTime();
        long deadline = start + s.timeout().toNanos();
        int attempts = 0;
        int authFailures = 0;
        ConnectFailure last = null;
        String lastReported = null;
        long lastReportAt = start;
        try (OverlappingDial dial = new OverlappingDial(s, ConnectAttempt.Waits.MACHINE)) {
            while (true) {
                cancellation.throwIfCancelled();
                attempts++;
                try {
                    ClientSession session = attempt(s, dial, deadline, cancellation);
                    if (session == null) {
                        throw timedOut(s, attempts - 1, last);
                    }
                    ui.message("Connected to SSH as " + s.target() + " after " + elapsed(start) + " (" + attempts
                            + " attempt" + (attempts == 1 ? "" : "s") + "; host key "
                            + session.getAttribute(HostKeyCheck.SEEN) + ")");
                    return session;
                } catch (SshConnectException e) {
                    cancellation.throwIfCancelled();
                    ConnectFailure f = e.failure();
                    last = f;
                    LOG.debug("SSH attempt {} to {} failed: {}", attempts, s.target(), f.describe(), e);
                    if (f.kind() == ConnectFailure.Kind.HOST_KEY) {
                        throw new StepFailure(f.describe() + ": refusing to connect (a different machine, or a"
                                + " man in the middle); check ssh_host_key_fingerprint");
                    }
                    if (f.kind() == ConnectFailure.Kind.AUTH && ++authFailures >= s.handshakeAttempts()) {
                        throw new StepFailure("gave up on SSH after " + authFailures + " authentication failures at "
                                + s.host() + ":" + s.port() + ": " + f.detail()
                                + "; check ssh_username and ssh_password or ssh_private_key_file");
                    }
                    long now = System.nanoTime();
                    if (now >= deadline) {
                        throw timedOut(s, attempts, f);
                    }
                    String reason = f.describe();
                    if (!reason.equals(lastReported) || now - lastReportAt >= REPORT_EVERY.toNanos()) {
                        ui.message("Waiting for SSH on " + s.host() + ":" + s.port() + ": " + reason + " (attempt "
                                + attempts + ", " + elapsed(start) + " elapsed)");
                        lastReported = reason;
                        lastReportAt = now;
                    }
                    // Quick retries while the machine comes up; slower ones after a refused login.
                    Duration pause = f.kind() == ConnectFailure.Kind.AUTH ? Duration.ofSeconds(2) : Duration.ofMillis(500);
                    if (s.bastion() == null) {
                        dial.pause(pause);
                    } else {
                        long left = deadline - System.nanoTime();
                        cancellation.sleep(Duration.ofNanos(Math.max(0, Math.min(pause.toNanos(), left))));
                    }
                }
            }
        }
    }

    /**
     * One attempt: through the bastion one connection at a time; straight to the machine, the first of
     * overlapping connections that reaches the SSH server, then key exchange and login, which a cancel
     * cuts short. Null when the deadline came before any server answered.
     */
    private static ClientSession attempt(SshSettings s, OverlappingDial dial, long deadline, Cancellation cancellation)
            throws SshConnectException, StepFailure, CancelledException {
        if (s.bastion() != null) {
            return ConnectAttempt.open(s);
        }
        PendingConnection answered = dial.next(deadline, cancellation);
        if (answered == null) {
            return null;
        }
        ClientSession session;
        try (Cancellation.Registration r = cancellation.onCancel(answered::close)) {
            session = ConnectAttempt.finish(answered, s, List.of(), ConnectAttempt.Waits.MACHINE);
        }
        if (cancellation.isCancelled()) {
            session.close(true);
            cancellation.throwIfCancelled();
        }
        return session;
    }

    private static StepFailure timedOut(SshSettings s, int attempts, ConnectFailure last) {
        String reason = last == null ? "no SSH server answered yet"
                : "the last of " + attempts + " attempts failed with: " + last.describe();
        return new StepFailure("timed out after " + GoDuration.format(s.timeout()) + " waiting for SSH on "
                + s.host() + ":" + s.port() + " as " + s.username() + "; " + reason);
    }

    private static String elapsed(long start) {
        return GoDuration.format(Duration.ofSeconds((System.nanoTime() - start) / 1_000_000_000L));
    }
}
