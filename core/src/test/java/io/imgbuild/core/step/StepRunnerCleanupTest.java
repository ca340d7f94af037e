package io.imgbuild.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cleanups: every step that ran, in reverse, on success and on failure. */
class StepRunnerCleanupTest {

    private final StepFixture f = new StepFixture();

    @Test
    void onSuccessEveryCleanupRunsInReverseAndNothingIsHalted() {
        StepOutcome o = f.run(f.ok("a"), f.ok("b"), f.ok("c"));
        assertTrue(o.succeeded());
        assertNull(o.error());
        assertEquals(List.of("run a", "run b", "run c", "cleanup c", "cleanup b", "cleanup a"), f.log);
        assertTrue(f.lines.isEmpty(), f.lines::toString);
    }

    @Test
    void aFailureCleansUpTheFailingStepAndThoseBeforeItOnly() {
        StepOutcome o = f.run(f.ok("a"), f.failing("b", "disk full"), f.ok("c"));
        assertEquals(StepOutcome.Result.FAILED, o.result());
        assertEquals("disk full", o.error());
        assertEquals(List.of("run a", "run b", "cleanup b halted", "cleanup a halted"), f.log);
        assertEquals(List.of("SAY Cleaning up after the failure..."), f.lines);
        assertEquals(List.of(), o.cleanupFailures());
    }

    @Test
    void anUnexpectedExceptionIsAFailureThatNamesTheStep() {
        StepOutcome o = f.run(f.step("a", c -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(StepOutcome.Result.FAILED, o.result());
        assertTrue(o.error().startsWith("unexpected error in step a: java.lang.IllegalStateException: boom"), o.error());
        assertEquals(List.of("run a", "cleanup a halted"), f.log);
    }

    @Test
    void aCleanupThatThrowsIsReportedAndTheOthersStillRun() {
        Step broken = new Step() {
            @Override
            public String name() {
                return "CreateVolume";
            }

            @Override
            public void run(StepContext c) {
                f.log.add("run CreateVolume");
            }

            @Override
            public void cleanup(StepContext c) throws Exception {
                f.log.add("cleanup CreateVolume");
                throw new java.io.IOException("vol-123 is still attached");
            }
        };
        StepOutcome o = f.run(f.ok("a"), broken, f.failing("c", "no"));
        assertEquals(List.of("run a", "run CreateVolume", "run c", "cleanup c halted", "cleanup CreateVolume",
                "cleanup a halted"), f.log);
        assertEquals(List.of("cleanup of CreateVolume failed: vol-123 is still attached"), o.cleanupFailures());
        assertTrue(f.lines.contains("ERROR cleanup of CreateVolume failed: vol-123 is still attached"), f.lines::toString);
        assertEquals("no", o.error());
    }

    @Test
    void stepsShareTheState() {
        Key<String> id = new Key<>("instance-id");
        f.run(f.step("launch", c -> c.state().put(id, "i-1")), f.step("use", c -> f.log.add("saw " + c.state().get(id))));
        assertTrue(f.log.contains("saw i-1"), f.log::toString);
    }

    @Test
    void debugPausesBeforeEachStep() {
        StepGate gate = new StepGate() {
            @Override
            public void beforeStep(String build, String step) {
                f.log.add("pause " + build + "/" + step);
            }

            @Override
            public Choice afterFailure(String build, String step, String error) {
                return Choice.CLEANUP;
            }
        };
        new StepRunner(List.of(f.ok("a"), f.ok("b")), io.imgbuild.core.build.OnError.CLEANUP, true, gate).run(f.ctx);
        assertEquals(List.of("pause b/a", "run a", "pause b/b", "run b", "cleanup b", "cleanup a"), f.log);
    }
}
