package io.imgbuild.core.run;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.ProvisionerContext;
import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.Errors;
import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one provisioner with the template's wrappers, all of which apply together (in Packer,
 * {@code pause_before} silently disables {@code timeout}): pause, then up to {@code max_retries + 1}
 * tries, each with its own timeout, with a growing pause between tries.
 */
final class ProvisionerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionerRunner.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "provisioner-timeouts");
        t.setDaemon(true);
        return t;
    });

    private final BuildInfo build;
    private final BuildUi ui;
    private final Cancellation cancellation;
    private final Map<String, String> buildData;
    private final Map<String, String> scriptEnv;
    private final Backoff backoff;
    private final Communicator communicator;

    ProvisionerRunner(BuildInfo build, BuildUi ui, Cancellation cancellation, Map<String, String> buildData,
                      Map<String, String> scriptEnv, Backoff backoff, Communicator communicator) {
        this.communicator = communicator;
        this.build = build;
        this.ui = ui;
        this.cancellation = cancellation;
        this.buildData = buildData;
        this.scriptEnv = scriptEnv;
        this.backoff = backoff;
    }

    void run(PreparedProvisioner p) throws StepFailure, CancelledException {
        if (p.pauseBefore() != null && !p.pauseBefore().isZero()) {
            ui.say("Pausing " + GoDuration.format(p.pauseBefore()) + " before the next provisioner...");
            cancellation.sleep(p.pauseBefore());
        }
        ui.say("Provisioning with " + p.type() + "...");
        int attempts = p.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            String failure = attempt(p);
            if (failure == null) {
                return;
            }
            if (attempt >= attempts) {
                throw new StepFailure(attempts > 1 ? failure + " (gave up after " + attempts + " tries)" : failure);
            }
            Duration wait = backoff.delay(attempt);
            int left = attempts - attempt;
            ui.error("Provisioner " + p.type() + " failed: " + failure + "; retrying in " + GoDuration.format(wait) + " ("
                    + left + " " + (left == 1 ? "try" : "tries") + " left)");
            cancellation.sleep(wait);
        }
    }

    /** One try, under its own timeout; returns why it failed, or null. Ctrl-C propagates. */
    private String attempt(PreparedProvisioner p) throws CancelledException {
        try (Cancellation.Child child = cancellation.child()) {
            Cancellation scope = child.cancellation();
            ScheduledFuture<?> timer = null;
            if (p.timeout() != null && !p.timeout().isZero()) {
                ui.message("Setting a " + GoDuration.format(p.timeout()) + " timeout for this provisioner");
                String why = "timed out after " + GoDuration.format(p.timeout());
                timer = TIMER.schedule(() -> scope.cancel(why), p.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            Thread me = Thread.currentThread();
            // The timeout cancels from the timer thread; unguarded, its interrupt could land after
            // this try ended (in the pause before a retry, or the next provisioner).
            AtomicBoolean inTry = new AtomicBoolean(true);
            Runnable interrupt = () -> {
                synchronized (inTry) {
                    if (inTry.get()) {
                        me.interrupt();
                    }
                }
            };
            try (Cancellation.Registration r = scope.onCancel(interrupt)) {
                p.provisioner().provision(context(scope));
                scope.throwIfCancelled(); // a provisioner that ignored the timeout still failed it
                return null;
            } catch (CancelledException | InterruptedException e) {
                cancellation.throwIfCancelled();
                return scope.isCancelled() ? scope.reason() : "interrupted";
            } catch (StepFailure e) {
                cancellation.throwIfCancelled();
                return scope.isCancelled() ? scope.reason() : e.getMessage();
            } catch (Exception e) {
                cancellation.throwIfCancelled();
                if (scope.isCancelled()) {
                    return scope.reason();
                }
                LOG.error("provisioner {} failed unexpectedly", p.type(), e);
                return Errors.describe(e) + " (run with IMGBUILD_LOG=1 for details)";
            } finally {
                if (timer != null) {
                    timer.cancel(false);
                }
                synchronized (inTry) {
                    inTry.set(false);
                }
                Thread.interrupted();
            }
        }
    }

    private ProvisionerContext context(Cancellation scope) {
        return new ProvisionerContext() {
            @Override
            public BuildInfo build() {
                return build;
            }

            @Override
            public BuildUi ui() {
                return ui;
            }

            @Override
            public Cancellation cancellation() {
                return scope;
            }

            @Override
            public Map<String, String> buildData() {
                return buildData;
            }

            @Override
            public Map<String, String> scriptEnvironment() {
                return scriptEnv;
            }

            @Override
            public Optional<Communicator> communicator() {
                return Optional.ofNullable(communicator);
            }
        };
    }
}
