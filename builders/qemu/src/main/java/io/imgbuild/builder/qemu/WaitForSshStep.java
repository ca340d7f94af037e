package io.imgbuild.builder.qemu;

import io.imgbuild.core.communicator.ConnectStep;
import io.imgbuild.core.http.HttpServerKeys;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.file.Path;
import java.time.Duration;
import org.libvirt.Domain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for SSH (the communicator's own step) while watching the machine: if it stops first, waiting
 * ends at once with that reason instead of at ssh_timeout. When SSH never comes, a screenshot of the
 * console is saved next to the log, since the screen usually tells why.
 */
final class WaitForSshStep implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(WaitForSshStep.class);
    private static final Duration WATCH_EVERY = Duration.ofMillis(500);

    private final ConnectStep connect;
    private final Path screenshot;

    WaitForSshStep(ConnectStep connect, Path screenshot) {
        this.connect = connect;
        this.screenshot = screenshot;
    }

    @Override
    public String name() {
        return "WaitForSsh";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Domain domain = ctx.state().get(QemuKeys.DOMAIN);
        try (Cancellation.Child child = ctx.cancellation().child()) {
            Thread watch = watchdog(domain, child.cancellation());
            StepContext watched = new StepContext(ctx.build(), ctx.state(), ctx.ui(), child.cancellation());
            try {
                connect.run(watched);
            } catch (CancelledException e) {
                if (ctx.cancelled()) {
                    throw e;
                }
                throw new StepFailure(e.getMessage());
            } catch (StepFailure e) {
                saveScreenshot(ctx, domain);
                reportUnrequestedFiles(ctx);
                throw e;
            } finally {
                watch.interrupt();
            }
        }
    }

    private static Thread watchdog(Domain domain, Cancellation cancellation) {
        Thread t = new Thread(() -> {
            try {
                while (!cancellation.isCancelled()) {
                    if (!Domains.running(domain)) {
                        cancellation.cancel("the machine stopped before SSH came up (its serial console is in the"
                                + " debug log: set PACKER_LOG=1)");
                        return;
                    }
                    Thread.sleep(WATCH_EVERY.toMillis());
                }
            } catch (InterruptedException e) {
                // SSH is up, or the wait failed: stop watching
            }
        }, "machine-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }


    private void saveScreenshot(StepContext ctx, Domain domain) {
        if (screenshot == null || !Domains.running(domain)) {
            return;
        }
        try {
            ConsoleScreenshot.save(ctx.state().get(QemuKeys.LIBVIRT), domain, screenshot);
            ctx.ui().error("The machine's screen when waiting for SSH gave up: " + screenshot);
        } catch (Exception e) {
            LOG.debug("no screenshot of the console", e);
        }
    }

    /** An installer that never fetched its preseed or kickstart is the usual reason SSH never came. */
    private static void reportUnrequestedFiles(StepContext ctx) {
        ctx.state().find(HttpServerKeys.SERVER).ifPresent(server -> {
            try {
                long started = ctx.state().find(QemuKeys.STARTED_AT).orElse(System.nanoTime());
                String said = server.neverRequested().describe(Duration.ofNanos(System.nanoTime() - started));
                if (said != null) {
                    ctx.ui().error(said);
                }
            } catch (Exception e) {
                LOG.debug("cannot list the files the HTTP server never served", e);
            }
        });
    }

    @Override
    public void cleanup(StepContext ctx) throws Exception {
        connect.cleanup(ctx);
    }
}
