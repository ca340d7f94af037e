package io.imgbuild.core.run;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepGate;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Runs the prepared builds, in template order and in parallel up to {@code -parallel-builds}
 * (0 = all at once; {@code -debug} runs them one by one). One cancellation covers the whole run:
 * {@link #cancel} stops every build and lets its cleanups run.
 */
public final class BuildRunner {

    private final Ui ui;
    private final StepGate gate;
    private final Backoff backoff;
    private final Cancellation cancellation;

    /** @param cancellation the run's cancellation; cancelling it stops every build */
    public BuildRunner(Ui ui, StepGate gate, Backoff backoff, Cancellation cancellation) {
        this.ui = ui;
        this.gate = gate;
        this.backoff = backoff;
        this.cancellation = cancellation;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** Cancels every build; cleanups still run. Safe to call from a signal handler. */
    public void cancel(String reason) {
        cancellation.cancel(reason);
    }

    public RunResult run(List<PreparedBuild> builds, int parallelBuilds) {
        Instant start = ui.clock().instant();
        int permits = parallelBuilds <= 0 ? Math.max(1, builds.size()) : parallelBuilds;
        Semaphore slots = new Semaphore(permits, true);
        BuildResult[] results = new BuildResult[builds.size()];
        List<Thread> threads = new ArrayList<>();
        BuildExecutor executor = new BuildExecutor(ui, gate, backoff);
        for (int i = 0; i < builds.size(); i++) {
            PreparedBuild b = builds.get(i);
            ui.emit(new UiEvent.BuildStarted(ui.clock().instant(), b.info().name(), b.info().type()));
        }
        for (int i = 0; i < builds.size(); i++) {
            int index = i;
            PreparedBuild b = builds.get(i);
            try {
                slots.acquire(); // template order: build i starts before build i+1
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel("interrupted");
            }
            if (cancellation.isCancelled()) {
                results[index] = new BuildResult(b.info().name(), UiEvent.Status.CANCELLED, List.of(), List.of(), false,
                        Duration.ZERO);
                slots.release();
                continue;
            }
            Thread t = new Thread(() -> {
                try {
                    results[index] = executor.run(b, cancellation);
                } finally {
                    slots.release();
                }
            }, "build-" + b.info().name());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            joinUninterruptibly(t);
        }
        RunResult result = new RunResult(List.of(results), cancellation.isCancelled());
        ui.emit(new UiEvent.RunFinished(ui.clock().instant(), result.exitCode(), Duration.between(start,
                ui.clock().instant())));
        return result;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
