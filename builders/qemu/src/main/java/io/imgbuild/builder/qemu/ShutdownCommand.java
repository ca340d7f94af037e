package io.imgbuild.builder.qemu;

import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.communicator.ExecResult;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.Cancellation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * shutdown_command running on its own thread, so that shutdown_timeout counts from its start: a
 * command that hangs (a sudo password prompt, a stuck unit) must not hold the build past the timeout,
 * after which the machine is powered off and the command's connection drops with it.
 */
final class ShutdownCommand implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownCommand.class);

    private final Cancellation.Child scope;
    private final CompletableFuture<ExecResult> result;

    private ShutdownCommand(Cancellation.Child scope, CompletableFuture<ExecResult> result) {
        this.scope = scope;
        this.result = result;
    }

    static ShutdownCommand start(Communicator comm, String command, OutputListener output, Cancellation parent) {
        Cancellation.Child scope = parent.child();
        CompletableFuture<ExecResult> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(comm.execute(command, output, scope.cancellation()));
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }, "shutdown-command");
        t.setDaemon(true);
        t.start();
        return new ShutdownCommand(scope, result);
    }

    /**
     * Why the command ended without stopping anything, once it has: a non-zero exit or a failure to
     * run it. Null while it runs, and when it ended as a shutdown command does (exit 0, or the
     * connection dropping as the machine went down).
     */
    String failure() {
        if (!result.isDone()) {
            return null;
        }
        try {
            ExecResult r = result.getNow(null);
            return r == null || r.disconnected() || r.exitStatus() == 0 ? null
                    : "shutdown_command exited with status " + r.exitStatus();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "shutdown_command could not run: " + cause.getMessage();
        }
    }

    boolean done() {
        return result.isDone();
    }

    /** Stops the command if it still runs (the machine stopped or was powered off) and lets it end. */
    @Override
    public void close() {
        if (!result.isDone()) {
            scope.cancellation().cancel("the machine has stopped");
            try {
                result.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("shutdown_command ended with {}", e.toString());
            }
        }
        scope.close();
    }
}
