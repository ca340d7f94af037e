package io.imgbuild.builder.qemu;

import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.communicator.CommunicatorKeys;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the machine so its disk is consistent: runs {@code shutdown_command} over SSH, or without one
 * presses the ACPI power button, then watches for the machine to stop (every 100 ms, so a 5 s
 * poweroff costs 5 s). If it is still running after {@code shutdown_timeout} it is powered off, with a
 * warning: the disk may then need the guest's fsck on its next boot.
 */
final class ShutdownStep implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownStep.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String command;
    private final Duration timeout;

    ShutdownStep(String command, Duration timeout) {
        this.command = command == null ? "" : command;
        this.timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
    }

    @Override
    public String name() {
        return "Shutdown";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Domain d = ctx.state().get(QemuKeys.DOMAIN);
        long start = System.nanoTime();
        Communicator comm = ctx.state().find(CommunicatorKeys.COMMUNICATOR).orElse(null);
        if (!command.isEmpty() && comm != null) {
            ctx.ui().say("Shutting down with shutdown_command: " + command);
            // The connection usually drops as the machine goes down: that is the expected end here.
            comm.execute(command, OutputListener.of(ctx.ui()::message, ctx.ui()::error), ctx.cancellation());
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
        long deadline = start + timeout.toNanos();
        while (Domains.running(d)) {
            if (System.nanoTime() > deadline) {
                ctx.ui().error("The machine did not stop within shutdown_timeout (" + GoDuration.format(timeout)
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
        ctx.ui().message("The machine stopped after " + Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0
                + " s");
    }

}
