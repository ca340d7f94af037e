package io.imgbuild.builder.qemu;

import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.communicator.CommunicatorKeys;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the machine so its disk is consistent: runs {@code shutdown_command} over SSH, or without one
 * presses the ACPI power button, then watches for the machine to stop (every 100 ms, so a 5 s
 * poweroff costs 5 s). On this machine's own daemon the stop is seen when QEMU lets go of the disk
 * ({@link QemuImageLock}), up to seconds before libvirt reports it. If it is still running after
 * {@code shutdown_timeout} it is powered off, with a warning: the disk may then need the guest's
 * fsck on its next boot.
 */
final class ShutdownStep implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownStep.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String command;
    private final Duration timeout;
    private final Path disk;

    /** @param disk the disk the machine writes, as this machine sees it */
    ShutdownStep(String command, Duration timeout, Path disk) {
        this.command = command == null ? "" : command;
        this.timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        this.disk = disk;
    }

    @Override
    public String name() {
        return "Shutdown";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Domain d = ctx.state().get(QemuKeys.DOMAIN);
        long start = System.nanoTime();
        // The lock tells only if QEMU was seen holding it: file.locking=off in qemuargs turns it off.
        Path lockWatched = disk != null && !ctx.state().find(HostFiles.KEY).map(HostFiles::remote).orElse(true)
                && QemuImageLock.probe(disk) == QemuImageLock.State.HELD ? disk : null;
        Communicator comm = ctx.state().find(CommunicatorKeys.COMMUNICATOR).orElse(null);
        ShutdownCommand running = null;
        if (!command.isEmpty() && comm != null) {
            ctx.ui().say("Shutting down with shutdown_command: " + command);
            // The connection usually drops as the machine goes down: that is the expected end here.
            running = ShutdownCommand.start(comm, command, OutputListener.of(ctx.ui()::message, ctx.ui()::error),
                    ctx.cancellation());
        } else {
            ctx.ui().say("Shutting down with the ACPI power button (no shutdown_command)");
            try {
                d.shutdown();
            } catch (LibvirtException e) {
                if (!Domains.running(d)) {
                    return;
                }
                throw new StepFailure("libvirt could not ask the machine to shut down: " + LibvirtErrors.message(e));
            }
        }
        try {
            awaitStop(ctx, d, start, lockWatched, running);
        } finally {
            if (running != null) {
                running.close();
            }
        }
        ctx.state().put(QemuKeys.MACHINE_STOPPED, true);
        ctx.ui().message("The machine stopped after " + Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0
                + " s");
    }

    /**
     * With the disk's lock watched, libvirt is not asked: while it takes note of QEMU's exit it holds
     * the domain, and asking would wait for it (measured: 1.8 s after QEMU had gone).
     */
    private static boolean stillRunning(Domain d, Path lockWatched) {
        if (lockWatched == null) {
            return Domains.running(d);
        }
        return switch (QemuImageLock.probe(lockWatched)) {
            case HELD -> true;
            case FREE -> {
                LOG.debug("QEMU let go of {}: it has exited, libvirt has not said so yet", lockWatched);
                yield false;
            }
            case UNKNOWN -> Domains.running(d);
        };
    }

    /** Polls until the machine has stopped, powering it off at shutdown_timeout (counted from the start). */
    private void awaitStop(StepContext ctx, Domain d, long start, Path lockWatched, ShutdownCommand running)
            throws Exception {
        long deadline = start + timeout.toNanos();
        String commandFailure = null;
        while (stillRunning(d, lockWatched)) {
            if (commandFailure == null && running != null && (commandFailure = running.failure()) != null) {
                ctx.ui().error(commandFailure + " and the machine still runs: waiting for it to stop until"
                        + " shutdown_timeout (" + GoDuration.format(timeout) + ")");
            }
            if (System.nanoTime() > deadline) {
                ctx.ui().error("The machine did not stop within shutdown_timeout (" + GoDuration.format(timeout)
                        + (commandFailure == null ? "" : "; " + commandFailure)
                        + "): powering it off. Its disk may not be clean; check shutdown_command");
                try {
                    d.destroy();
                } catch (LibvirtException e) {
                    LOG.debug("power-off raced with the machine's own stop", e);
                }
                break;
            }
            ctx.cancellation().sleep(POLL);
        }
    }

}
