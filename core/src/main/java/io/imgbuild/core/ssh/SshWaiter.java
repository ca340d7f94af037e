package io.imgbuild.core.ssh;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for SSH the way a user would want to watch it: it says where it connects and as whom, and
 * each time the reason for failing changes (or every 30 s) what the last attempt ran into: refused,
 * timed out, handshake failed, authentication failed. Authentication failures end the wait after
 * ssh_handshake_attempts; a host key mismatch ends it at once; otherwise it gives up at
 * ssh_timeout, naming the last reason. Packer says only "Waiting for SSH to become available".
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
        String lastReported = null;
        long lastReportAt = start;
        while (true) {
            cancellation.throwIfCancelled();
            attempts++;
            try {
                ClientSession session = ConnectAttempt.open(s);
                ui.message("Connected to SSH as " + s.target() + " after " + elapsed(start) + " (" + attempts + " attempt"
                        + (attempts == 1 ? "" : "s") + "; host key " + session.getAttribute(HostKeyCheck.SEEN) + ")");
                return session;
            } catch (SshConnectException e) {
                ConnectFailure f = e.failure();
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
                    throw new StepFailure("timed out after " + GoDuration.format(s.timeout()) + " waiting for SSH on "
                            + s.host() + ":" + s.port() + " as " + s.username() + "; the last of " + attempts
                            + " attempts failed with: " + f.describe());
                }
                String reason = f.describe();
                if (!reason.equals(lastReported) || now - lastReportAt >= REPORT_EVERY.toNanos()) {
                    ui.message("Waiting for SSH on " + s.host() + ":" + s.port() + ": " + reason + " (attempt " + attempts
                            + ", " + elapsed(start) + " elapsed)");
                    lastReported = reason;
                    lastReportAt = now;
                }
                // Quick retries while the machine comes up; slower ones after a refused login.
                Duration pause = f.kind() == ConnectFailure.Kind.AUTH ? Duration.ofSeconds(2) : Duration.ofMillis(500);
                long left = deadline - System.nanoTime();
                cancellation.sleep(Duration.ofNanos(Math.max(0, Math.min(pause.toNanos(), left))));
            }
        }
    }

    private static String elapsed(long start) {
        return GoDuration.format(Duration.ofSeconds((System.nanoTime() - start) / 1_000_000_000L));
    }
}
