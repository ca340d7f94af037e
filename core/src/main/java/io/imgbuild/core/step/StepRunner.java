package io.imgbuild.core.step;

import io.imgbuild.core.build.OnError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import io.imgbuild.core.util.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a build's steps in order and then the cleanups of every step that ran, in reverse, on every
 * path: success, failure, Ctrl-C. With {@code -on-error=abort} the cleanups are skipped and each
 * skipped one is named, so the user knows what was left for inspection.
 */
public final class StepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final List<Step> steps;
    private final OnError onError;
    private final boolean debug;
    private final StepGate gate;

    public StepRunner(List<Step> steps, OnError onError, boolean debug, StepGate gate) {
        this.steps = List.copyOf(steps);
        this.onError = onError;
        this.debug = debug;
        this.gate = gate;
    }

    public StepOutcome run(StepContext ctx) {
        List<Step> ran = new ArrayList<>();
        StepOutcome.Result result = StepOutcome.Result.SUCCEEDED;
        String error = null;
        boolean abort = false;
        Cancellation cancel = ctx.cancellation();
        for (Step step : steps) {
            if (cancel.isCancelled()) {
                result = StepOutcome.Result.CANCELLED;
                break;
            }
            try {
                if (debug) {
                    gate.beforeStep(ctx.build().name(), step.name());
                }
            } catch (CancelledException e) {
                result = StepOutcome.Result.CANCELLED;
                break;
            }
            ran.add(step);
            String failure = runStep(step, ctx);
            while (failure != null && !cancel.isCancelled() && onError == OnError.ASK) {
                StepGate.Choice choice;
                try {
                    choice = gate.afterFailure(ctx.build().name(), step.name(), failure);
                } catch (CancelledException e) {
                    break;
                }
                if (choice == StepGate.Choice.RETRY) {
                    failure = runStep(step, ctx);
                    continue;
                }
                abort = choice == StepGate.Choice.ABORT;
                break;
            }
            if (cancel.isCancelled()) {
                result = StepOutcome.Result.CANCELLED;
                break;
            }
            if (failure != null) {
                result = StepOutcome.Result.FAILED;
                error = failure;
                abort |= onError == OnError.ABORT;
                break;
            }
        }
        if (result != StepOutcome.Result.SUCCEEDED) {
            ctx.markHalted();
        }
        Thread.interrupted(); // a cancel may have interrupted us; cleanups must not inherit it
        List<String> cleanupFailures = abort ? skipCleanups(ran, ctx) : cleanup(ran, ctx);
        return new StepOutcome(result, error, cleanupFailures);
    }

    /** Runs one step; returns why it failed, or null. */
    private static String runStep(Step step, StepContext ctx) {
        Thread me = Thread.currentThread();
        // A cancel runs its actions on its own thread, from a snapshot taken before a slow action
        // ahead of ours: unguarded, our interrupt could land after the step ended, in a cleanup.
        AtomicBoolean inStep = new AtomicBoolean(true);
        Runnable interrupt = () -> {
            synchronized (inStep) {
                if (inStep.get()) {
                    me.interrupt();
                }
            }
        };
        try (Cancellation.Registration r = ctx.cancellation().onCancel(interrupt)) {
            step.run(ctx);
            return null;
        } catch (CancelledException e) {
            return ctx.cancellation().isCancelled() ? null : e.getMessage();
        } catch (InterruptedException e) {
            return ctx.cancellation().isCancelled() ? null : "interrupted";
        } catch (StepFailure e) {
            LOG.debug("step {} failed", step.name(), e);
            return e.getMessage();
        } catch (Exception | LinkageError | AssertionError e) {
            if (ctx.cancellation().isCancelled()) {
                LOG.debug("step {} ended by cancel", step.name(), e);
                return null;
            }
            LOG.error("unexpected error in step {}", step.name(), e);
            return Errors.isEnvironmental(e) ? step.name() + ": " + Errors.describe(e)
                    : "unexpected error in step " + step.name() + ": " + e + " (run with IMGBUILD_LOG=1 for details)";
        } finally {
            synchronized (inStep) {
                inStep.set(false);
            }
            Thread.interrupted();
        }
    }

    private static List<String> cleanup(List<Step> ran, StepContext ctx) {
        List<String> failures = new ArrayList<>();
        if (ctx.halted() && !ran.isEmpty()) {
            ctx.ui().say(ctx.cancelled() ? "Cleaning up after the interruption..." : "Cleaning up after the failure...");
        }
        for (int i = ran.size() - 1; i >= 0; i--) {
            Step step = ran.get(i);
            try {
                LOG.debug("cleanup of step {}", step.name());
                step.cleanup(ctx);
            } catch (Exception | LinkageError e) {
                LOG.error("cleanup of step {} failed", step.name(), e);
                String msg = "cleanup of " + step.name() + " failed: " + Errors.describe(e);
                failures.add(msg);
                ctx.ui().error(msg);
            } finally {
                Thread.interrupted();
            }
        }
        return failures;
    }

    private static List<String> skipCleanups(List<Step> ran, StepContext ctx) {
        for (int i = ran.size() - 1; i >= 0; i--) {
            ctx.ui().error("aborted: skipping cleanup of step \"" + ran.get(i).name() + "\"");
        }
        return List.of();
    }
}
