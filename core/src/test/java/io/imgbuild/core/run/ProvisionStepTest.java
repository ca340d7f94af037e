package io.imgbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.State;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepGate;
import io.imgbuild.core.step.StepOutcome;
import io.imgbuild.core.step.StepRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Provisioners in order, and the error-cleanup-provisioner on failure (not on Ctrl-C). */
@Timeout(20)
class ProvisionStepTest {

    private final RunFixture f = new RunFixture();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Cancellation cancellation = Cancellation.root();
    private final State state = new State();

    private StepOutcome run(List<PreparedProvisioner> provisioners, PreparedProvisioner errorCleanup) {
        StepContext ctx = new StepContext(RunFixture.info("b"), state, f.ui.forBuild("b"), cancellation);
        return new StepRunner(List.of(new ProvisionStep(provisioners, errorCleanup, RunFixture.TINY)),
                io.imgbuild.core.build.OnError.CLEANUP, false, StepGate.NONE).run(ctx);
    }

    private PreparedProvisioner prov(String type, Provisioner p) {
        return new PreparedProvisioner(type, p, Duration.ZERO, Duration.ZERO, 0);
    }

    private PreparedProvisioner logging(String type) {
        return prov(type, ctx -> log.add(type));
    }

    @Test
    void runsInOrder() {
        assertEquals(StepOutcome.Result.SUCCEEDED, run(List.of(logging("shell"), logging("file")), logging("cleanup"))
                .result());
        assertEquals(List.of("shell", "file"), log);
    }

    @Test
    void theErrorCleanupProvisionerRunsOnFailure() {
        StepOutcome o = run(List.of(logging("file"), prov("shell", ctx -> {
            throw new io.imgbuild.core.step.StepFailure("script exited with status 2");
        }), logging("never")), logging("shell-local"));
        assertEquals(StepOutcome.Result.FAILED, o.result());
        assertEquals("shell provisioner: script exited with status 2", o.error());
        assertEquals(List.of("file", "shell-local"), log);
        assertEquals(true, f.lines().contains("SAY Provisioning failed; running the error-cleanup-provisioner..."));
    }

    @Test
    void aFailingErrorCleanupIsReportedButDoesNotHideTheFirstError() {
        StepOutcome o = run(List.of(prov("shell", ctx -> {
            throw new io.imgbuild.core.step.StepFailure("first");
        })), prov("shell-local", ctx -> {
            throw new io.imgbuild.core.step.StepFailure("second");
        }));
        assertEquals("shell provisioner: first", o.error());
        assertEquals(true, f.lines().contains("ERROR error-cleanup-provisioner failed: second"), f.lines()::toString);
    }

    @Test
    void theErrorCleanupProvisionerDoesNotRunOnCtrlC() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                if (started.await(10, TimeUnit.SECONDS)) {
                    cancellation.cancel("interrupted");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        StepOutcome o = run(List.of(prov("shell", ctx -> {
            started.countDown();
            ctx.cancellation().sleep(Duration.ofMinutes(1));
        })), logging("shell-local"));
        canceller.join();
        assertEquals(StepOutcome.Result.CANCELLED, o.result());
        assertNull(o.error());
        assertEquals(List.of(), log);
    }

    @Test
    void buildDataComesFromTheStateAndTheBuild() {
        state.put(BuildData.KEY, Map.of("Host", "10.0.0.9", "PackerHTTPAddr", "10.0.2.2:8000"));
        run(List.of(prov("shell", ctx -> {
            log.add(ctx.buildData().get("Host") + " " + ctx.buildData().get("BuildName") + " "
                    + ctx.buildData().get("PackerRunUUID"));
            log.add(ctx.scriptEnvironment().get("PACKER_HTTP_ADDR") + " " + ctx.scriptEnvironment().get("PACKER_BUILDER_TYPE"));
        })), null);
        assertEquals(List.of("10.0.0.9 b run-uuid", "10.0.2.2:8000 null"), log);
    }
}
