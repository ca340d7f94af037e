package io.imgbuild.core.ssh;

import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.communicator.ExecResult;
import io.imgbuild.core.communicator.RemotePath;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.GoDuration;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.helpers.TimeoutIndicator;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH communicator (Apache MINA SSHD). Holds one session to the machine; when the machine went
 * away (a reboot during provisioning) the next call waits for SSH again, with the same reporting
 * and timeout as the first connection, or less when the caller set a {@link #limitReconnects limit}.
 */
public final class SshCommunicator implements Communicator {

    private static final Logger LOG = LoggerFactory.getLogger(SshCommunicator.class);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "ABRT", 6, "KILL", 9,
            "SEGV", 11, "PIPE", 13, "TERM", 15);

    private final SshSettings settings;
    private final BuildUi ui;
    private ClientSession session;
    private FileTransfer transfer;
    /** The {@link System#nanoTime()} by which a reconnect must be done, or null for ssh_timeout alone. */
    private Long reconnectDeadline;

    private SshCommunicator(SshSettings settings, BuildUi ui, ClientSession session) {
        this.settings = settings;
        this.ui = ui;
        this.session = session;
    }

    /**
     * Waits for SSH on the machine (up to the settings' timeout, reporting what it runs into) and
     * returns the connected communicator. With pause_before_connecting it connects once, waits, and
     * connects again, so a machine that restarts sshd after first boot is caught.
     */
    public static SshCommunicator connect(SshSettings settings, BuildUi ui, Cancellation cancellation)
            throws StepFailure, CancelledException {
        ClientSession s = SshWaiter.await(settings, ui, cancellation);
        if (settings.pauseBeforeConnecting() != null && !settings.pauseBeforeConnecting().isZero()) {
            s.close(true);
            ui.say("Pausing " + io.imgbuild.core.util.GoDuration.format(settings.pauseBeforeConnecting())
                    + " before connecting again (pause_before_connecting)...");
            cancellation.sleep(settings.pauseBeforeConnecting());
            s = SshWaiter.await(settings, ui, cancellation);
        }
        configure(s, settings);
        return new SshCommunicator(settings, ui, s);
    }

    private static void configure(ClientSession s, SshSettings settings) {
        // A machine that hangs (after a reboot, say) is declared gone after this long without traffic;
        // unset, never (zero: MINA's own 10-minute default would end a long silent command).
        CoreModuleProperties.IDLE_TIMEOUT.set(s, idleLimit(settings));
    }

    private static Duration idleLimit(SshSettings settings) {
        Duration d = settings.readWriteTimeout();
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * How long the session may go without traffic from the machine before it is closed
     * (ssh_read_write_timeout); zero means never.
     */
    public synchronized Duration idleTimeout() {
        return session == null ? idleLimit(settings) : CoreModuleProperties.IDLE_TIMEOUT.getRequired(session);
    }

    @Override
    public String describe() {
        return "ssh " + settings.target();
    }

    @Override
    public ExecResult execute(String command, OutputListener output, Cancellation cancellation)
            throws IOException, CancelledException {
        ClientSession s = session(cancellation);
        ChannelExec ch = s.createExecChannel(command);
        ch.setUsePty(settings.pty());
        ch.setAgentForwarding(settings.forwardedAgent() != null);
        LineOutputStream out = new LineOutputStream(output::stdout);
        LineOutputStream err = new LineOutputStream(output::stderr);
        ch.setOut(out);
        ch.setErr(err);
        try (Cancellation.Registration r = cancellation.onCancel(() -> ch.close(true))) {
            ch.open().verify(OPEN_TIMEOUT);
            Set<ClientChannelEvent> events;
            do {
                events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofMillis(500));
                cancellation.throwIfCancelled();
            } while (!events.contains(ClientChannelEvent.CLOSED));
        } catch (InterruptedIOException e) {
            cancellation.throwIfCancelled();
            throw e;
        } finally {
            out.close();
            err.close();
        }
        Integer status = ch.getExitStatus();
        if (status != null) {
            return ExecResult.exited(status);
        }
        if (!s.isOpen() || s.isClosing()) {
            reportIdleTimeout(s);
            return ExecResult.lostConnection();
        }
        String signal = ch.getExitSignal();
        if (signal != null) {
            return ExecResult.exited(128 + SIGNALS.getOrDefault(signal, 0));
        }
        return ExecResult.lostConnection(); // the channel closed without a word: the other end went away
    }

    /** Says why the session ended when it was ssh_read_write_timeout, not the machine, that closed it. */
    private void reportIdleTimeout(ClientSession s) {
        TimeoutIndicator t = s.getTimeoutStatus();
        if (t != null && t.getStatus() == TimeoutIndicator.TimeoutStatus.IdleTimeout) {
            ui.error("Nothing came from " + settings.target() + " for "
                    + GoDuration.format(idleLimit(settings))
                    + " (ssh_read_write_timeout), so the SSH connection was closed; raise or unset"
                    + " ssh_read_write_timeout if the machine is only slow");
        }
    }

    @Override
    public void upload(Path local, String remote, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException {
        transfer(cancellation).upload(local, remote, progress, cancellation);
    }

    @Override
    public void upload(byte[] content, String remote, int mode, Cancellation cancellation)
            throws IOException, CancelledException {
        transfer(cancellation).upload(content, remote, mode, cancellation);
    }

    @Override
    public void uploadDirectory(Path localDir, String remoteDir, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException {
        transfer(cancellation).uploadDirectory(localDir, remoteDir, progress, cancellation);
    }

    @Override
    public void download(String remote, Path local, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException {
        FileTransfer t = transfer(cancellation);
        try (AtomicFile out = AtomicFile.create(local)) {
            t.download(remote, out.temp(), progress, cancellation);
            out.commit(true);
        }
    }

    @Override
    public void downloadDirectory(String remoteDir, Path localDir, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException {
        transfer(cancellation).downloadDirectory(remoteDir, localDir, progress, cancellation);
    }

    @Override
    public RemotePath stat(String remote) throws IOException {
        try {
            return transfer(Cancellation.root()).stat(remote);
        } catch (CancelledException e) {
            throw new InterruptedIOException("cancelled");
        }
    }

    @Override
    public synchronized ReconnectLimit limitReconnects(Duration limit) {
        Long before = reconnectDeadline;
        long deadline = System.nanoTime() + limit.toNanos();
        reconnectDeadline = before == null || deadline - before < 0 ? deadline : before;
        return () -> {
            synchronized (this) {
                reconnectDeadline = before;
            }
        };
    }

    /**
     * The current session, reconnecting (and waiting for SSH again) when the machine went away, for
     * ssh_timeout or until the caller's {@link #limitReconnects} deadline, whichever comes first.
     */
    private synchronized ClientSession session(Cancellation cancellation) throws IOException, CancelledException {
        if (session != null && session.isOpen() && !session.isClosing()) {
            return session;
        }
        closeTransfer();
        SshSettings wait = settings;
        String limited = "";
        if (reconnectDeadline != null) {
            // to a tenth of a second, for the messages; at least one second, so one attempt is made
            Duration left = Duration.ofMillis(Math.max(1_000, (reconnectDeadline - System.nanoTime()) / 1_000_000 / 100 * 100));
            if (left.compareTo(settings.timeout()) < 0) {
                wait = settings.withTimeout(left);
                limited = " (for at most " + GoDuration.format(left) + ", what the caller's retry time has left)";
            }
        }
        ui.message("The SSH connection was lost; connecting again" + limited + "...");
        try {
            session = SshWaiter.await(wait, ui, cancellation);
            configure(session, settings);
            return session;
        } catch (StepFailure e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private synchronized FileTransfer transfer(Cancellation cancellation) throws IOException, CancelledException {
        ClientSession s = session(cancellation);
        if (transfer != null && !transfer.isOpen()) {
            closeTransfer(); // an earlier transfer was cut off mid-request: start on a fresh channel
        }
        if (transfer == null) {
            transfer = settings.transferMethod() == SshSettings.TransferMethod.SCP
                    ? new ScpTransfer(s, this::runForOutput) : new SftpTransfer(s);
        }
        return transfer;
    }

    /** A helper command's standard output; a non-zero exit is an error carrying its standard error. */
    private String runForOutput(String command) throws IOException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ExecResult r;
        try {
            r = execute(command, new OutputListener() {
                @Override
                public void stdout(String line) {
                    out.append(line).append('\n');
                }

                @Override
                public void stderr(String line) {
                    err.append(line).append('\n');
                }
            }, Cancellation.root());
        } catch (CancelledException e) {
            throw new InterruptedIOException("cancelled");
        }
        if (r.disconnected() || r.exitStatus() != 0) {
            throw new IOException("\"" + command + "\" failed: " + (r.disconnected() ? "connection lost"
                    : "exit " + r.exitStatus() + ": " + err.toString().trim()));
        }
        return out.toString();
    }

    private void closeTransfer() {
        if (transfer != null) {
            transfer.close();
            transfer = null;
        }
    }

    @Override
    public synchronized void close() {
        closeTransfer();
        if (session != null) {
            session.close(true);
            LOG.debug("closed SSH session to {}", settings.target());
            session = null;
        }
    }

}
