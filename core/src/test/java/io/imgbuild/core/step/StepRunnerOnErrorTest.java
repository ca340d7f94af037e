package io.imgbuild.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.OnError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** -on-error=abort and -on-error=ask. */
class StepRunnerOnErrorTest {

    private final StepFixture f = new StepFixture();

    /** A gate that answers from a script and records the questions. */
    private StepGate answering(StepGate.Choice... choices) {
        Deque<StepGate.Choice> answers = new ArrayDeque<>(List.of(choices));
        return new StepGate() {
            @Override
            public void beforeStep(String build, String step) {
            }

            @Override
            public Choice afterFailure(String build, String step, String error) {
                f.log.add("ask " + step + ": " + error);
                return answers.removeFirst();
            }
        };
    }

    @Test
    void abortSkipsTheCleanupsAndNamesEachOne() {
        StepOutcome o = f.run(OnError.ABORT, StepGate.NONE, f.ok("CreateKeyPair"), f.ok("LaunchInstance"),
                f.failing("WaitForSsh", "timeout"));
        assertEquals(StepOutcome.Result.FAILED, o.result());
        assertEquals("timeout", o.error());
        assertEquals(List.of("run CreateKeyPair", "run LaunchInstance", "run WaitForSsh"), f.log);
        assertEquals(List.of("ERROR aborted: skipping cleanup of step \"WaitForSsh\"",
                "ERROR aborted: skipping cleanup of step \"LaunchInstance\"",
                "ERROR aborted: skipping cleanup of step \"CreateKeyPair\""), f.lines);
    }

    @Test
    void abortStillCleansUpAfterSuccess() {
        f.run(OnError.ABORT, StepGate.NONE, f.ok("a"));
        assertEquals(List.of("run a", "cleanup a"), f.log);
    }

    @Test
    void askRetryThenCleanup() {
        StepOutcome o = f.run(OnError.ASK, answering(StepGate.Choice.RETRY, StepGate.Choice.CLEANUP), f.ok("a"),
                f.failing("b", "flaky"), f.ok("c"));
        assertEquals(StepOutcome.Result.FAILED, o.result());
        assertEquals(List.of("run a", "run b", "ask b: flaky", "run b", "ask b: flaky", "cleanup b halted",
                "cleanup a halted"), f.log);
    }

    @Test
    void askRetryThatSucceedsGoesOn() {
        AtomicInteger tries = new AtomicInteger();
        StepOutcome o = f.run(OnError.ASK, answering(StepGate.Choice.RETRY), f.step("b", c -> {
            if (tries.incrementAndGet() == 1) {
                throw new StepFailure("first try fails");
            }
        }), f.ok("c"));
        assertTrue(o.succeeded(), o::toString);
        assertEquals(List.of("run b", "ask b: first try fails", "run b", "run c", "cleanup c", "cleanup b"), f.log);
    }

    @Test
    void askAbort() {
        StepOutcome o = f.run(OnError.ASK, answering(StepGate.Choice.ABORT), f.ok("a"), f.failing("b", "x"));
        assertEquals(StepOutcome.Result.FAILED, o.result());
        assertEquals(List.of("run a", "run b", "ask b: x"), f.log);
        assertEquals(2, f.lines.size(), f.lines::toString);
    }

    @Test
    void cleanupPolicyNeverAsks() {
        StepGate never = new StepGate() {
            @Override
            public void beforeStep(String build, String step) {
            }

            @Override
            public Choice afterFailure(String build, String step, String error) {
                throw new AssertionError("asked");
            }
        };
        assertEquals(StepOutcome.Result.FAILED, f.run(OnError.CLEANUP, never, f.failing("a", "x")).result());
    }
}
