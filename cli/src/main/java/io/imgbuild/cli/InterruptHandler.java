package io.imgbuild.cli;

import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.run.BuildRunner;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.core.ui.BuildUi;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a build: the first cancels every build and lets all cleanups
 * run, saying so; the second aborts at once, skipping the remaining cleanups (temporary files are
 * still removed so no half-written file is left).
 */
final class InterruptHandler {

    private InterruptHandler() {
    }

    static void install(BuildRunner runner, BuildUi ui) {
        AtomicInteger count = new AtomicInteger();
        SignalHandler handler = sig -> {
            if (count.incrementAndGet() == 1) {
                ui.error("Interrupt received: cancelling all builds and cleaning up."
                        + " Press Ctrl-C again to abort without cleanup.");
                runner.cancel("interrupted");
            } else {
                ui.error("Second interrupt: aborting now. Cleanups that had not run were skipped;"
                        + " machines or cloud resources of this run may be left behind.");
                AtomicFile.deleteAllPending();
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            }
        };
        Signal.handle(new Signal("INT"), handler);
        Signal.handle(new Signal("TERM"), handler);
    }
}
