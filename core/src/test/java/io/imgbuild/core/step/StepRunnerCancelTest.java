package io.imgbuild.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.OnError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C in the middle of a step. */
@Timeout(20)
class StepRunnerCancelTest {

    private final StepFixture f = new StepFixture();

    private void cancelWhenStarted(CountDownLatch started) {
        Thread t = new Thread(() -> {
            try {
                if (started.await(10, TimeUnit.SECONDS)) {
                    f.cancellation.cancel("interrupted by the user");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Test
    void cancelInterruptsABlockedStepAndTheCleanupsStillRun() {
        CountDownLatch started = new CountDownLatch(1);
        cancelWhenStarted(started);
        long t0 = System.nanoTime();
        StepOutcome o = f.run(f.ok("a"), f.step("b", c -> {
            started.countDown();
            Thread.sleep(60_000);
        }), f.ok("c"));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 10);
        assertEquals(StepOutcome.Result.CANCELLED, o.result());
        assertNull(o.error());
        assertEquals(List.of("run a", "run b", "cleanup b halted", "cleanup a halted"), f.log);
        assertEquals(List.of("SAY Cleaning up after the interruption..."), f.lines);
    }

    @Test
    void cancelWakesACancellationSleep() {
        CountDownLatch started = new CountDownLatch(1);
        cancelWhenStarted(started);
        StepOutcome o = f.run(f.step("wait", c -> {
            started.countDown();
            c.cancellation().sleep(Duration.ofMinutes(1));
        }));
        assertEquals(StepOutcome.Result.CANCELLED, o.result());
        assertEquals(List.of("run wait", "cleanup wait halted"), f.log);
    }

    @Test
    void cleanupsDoNotInheritTheInterrupt() {
        CountDownLatch started = new CountDownLatch(1);
        cancelWhenStarted(started);
        Step sleepsInCleanup = new Step() {
            @Override
            public void run(StepContext c) throws Exception {
                started.countDown();
                Thread.sleep(60_000);
            }

            @Override
            public void cleanup(StepContext c) throws Exception {
                Thread.sleep(20); // would throw if the interrupt leaked into cleanup
                f.log.add("cleanup slept");
            }
        };
        StepOutcome o = f.run(sleepsInCleanup);
        assertEquals(List.of("cleanup slept"), f.log);
        assertEquals(List.of(), o.cleanupFailures());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aSlowCancelActionDoesNotInterruptACleanupLater() {
        // Another part of the build registered first and takes a while to stop; the runner's own
        // interrupt for the step comes after it, when the step has already ended by itself.
        f.cancellation.onCancel(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch started = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                if (started.await(10, TimeUnit.SECONDS)) {
                    f.cancellation.cancel("Ctrl-C");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        Step polls = new Step() {
            @Override
            public void run(StepContext c) {
                started.countDown();
                while (!c.cancelled()) {
                    Thread.onSpinWait();
                }
            }

            @Override
            public void cleanup(StepContext c) throws Exception {
                Thread.sleep(1000); // e.g. waiting for an instance to terminate
                f.log.add("cleanup finished");
            }
        };
        StepOutcome o = f.run(polls);
        assertEquals(List.of(), o.cleanupFailures());
        assertEquals(List.of("cleanup finished"), f.log);
    }

    @Test
    void abortDoesNotSkipCleanupsOnCancel() {
        CountDownLatch started = new CountDownLatch(1);
        cancelWhenStarted(started);
        f.run(OnError.ABORT, StepGate.NONE, f.step("a", c -> {
            started.countDown();
            Thread.sleep(60_000);
        }));
        assertEquals(List.of("run a", "cleanup a halted"), f.log);
    }

    @Test
    void nothingRunsWhenCancelledBeforeStart() {
        f.cancellation.cancel("early");
        StepOutcome o = f.run(f.ok("a"));
        assertEquals(StepOutcome.Result.CANCELLED, o.result());
        assertEquals(List.of(), f.log);
        assertEquals(List.of(), f.lines);
    }

    @Test
    void aStepThatThrowsCancelledWithoutACancelIsAFailure() {
        StepOutcome o = f.run(f.step("a", c -> {
            throw new CancelledException("timed out after 5s");
        }));
        assertEquals(StepOutcome.Result.FAILED, o.result());
        assertEquals("timed out after 5s", o.error());
    }
}
