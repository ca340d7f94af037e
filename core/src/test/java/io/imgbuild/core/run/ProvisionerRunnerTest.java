package io.imgbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** pause_before, timeout and max_retries, all applied together. */
@Timeout(20)
class ProvisionerRunnerTest {

    private final RunFixture f = new RunFixture();
    private final Cancellation cancellation = Cancellation.root();
    private final ProvisionerRunner runner = new ProvisionerRunner(RunFixture.info("b"), f.ui.forBuild("b"), cancellation,
            Map.of("Host", "10.0.0.5"), Map.of("PACKER_BUILD_NAME", "b"), RunFixture.TINY, null);

    private static PreparedProvisioner prov(Provisioner p, Duration pause, Duration timeout, int retries) {
        return new PreparedProvisioner("shell", p, pause, timeout, retries);
    }

    @Test
    void pauseBeforeAndTimeoutBothApply() {
        Provisioner stuck = ctx -> ctx.cancellation().sleep(Duration.ofMinutes(1));
        long t0 = System.nanoTime();
        StepFailure e = assertThrows(StepFailure.class,
                () -> runner.run(prov(stuck, Duration.ofMillis(300), Duration.ofMillis(200), 0)));
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        assertEquals("timed out after 200ms", e.getMessage());
        assertTrue(ms >= 480 && ms < 5000, "took " + ms + " ms");
        assertEquals(List.of("SAY Pausing 300ms before the next provisioner...", "SAY Provisioning with shell...",
                "MESSAGE Setting a 200ms timeout for this provisioner"), f.lines());
    }

    @Test
    void theTimeoutInterruptsABlockedThread() {
        Provisioner blocked = ctx -> Thread.sleep(60_000);
        StepFailure e = assertThrows(StepFailure.class,
                () -> runner.run(prov(blocked, Duration.ZERO, Duration.ofMillis(100), 0)));
        assertEquals("timed out after 100ms", e.getMessage());
        assertTrue(!Thread.currentThread().isInterrupted());
    }

    @Test
    void aProvisionerThatIgnoresTheTimeoutStillFailsIt() {
        Provisioner ignores = ctx -> {
            long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        };
        assertEquals("timed out after 50ms", assertThrows(StepFailure.class,
                () -> runner.run(prov(ignores, Duration.ZERO, Duration.ofMillis(50), 0))).getMessage());
    }

    @Test
    void retriesWithBackoffUntilSuccess() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Provisioner flaky = ctx -> {
            if (attempts.incrementAndGet() < 3) {
                throw new StepFailure("apt lock held");
            }
        };
        runner.run(prov(flaky, Duration.ZERO, Duration.ZERO, 3));
        assertEquals(3, attempts.get());
        assertEquals(List.of("SAY Provisioning with shell...",
                "ERROR Provisioner shell failed: apt lock held; retrying in 10ms (3 tries left)",
                "ERROR Provisioner shell failed: apt lock held; retrying in 20ms (2 tries left)"), f.lines());
    }

    @Test
    void givesUpAfterMaxRetriesPlusOne() {
        AtomicInteger attempts = new AtomicInteger();
        Provisioner broken = ctx -> {
            attempts.incrementAndGet();
            throw new StepFailure("exit status 1");
        };
        StepFailure e = assertThrows(StepFailure.class, () -> runner.run(prov(broken, Duration.ZERO, Duration.ZERO, 2)));
        assertEquals(3, attempts.get());
        assertEquals("exit status 1 (gave up after 3 tries)", e.getMessage());
        assertTrue(f.lines().contains("ERROR Provisioner shell failed: exit status 1; retrying in 20ms (1 try left)"),
                f.lines()::toString);
    }

    @Test
    void eachTryHasItsOwnTimeout() {
        AtomicInteger attempts = new AtomicInteger();
        Provisioner stuck = ctx -> {
            attempts.incrementAndGet();
            ctx.cancellation().sleep(Duration.ofMinutes(1));
        };
        StepFailure e = assertThrows(StepFailure.class,
                () -> runner.run(prov(stuck, Duration.ZERO, Duration.ofMillis(100), 1)));
        assertEquals(2, attempts.get());
        assertEquals("timed out after 100ms (gave up after 2 tries)", e.getMessage());
    }

    @Test
    void anUnexpectedExceptionIsAFailure() {
        Provisioner npe = ctx -> {
            throw new NullPointerException("x");
        };
        StepFailure e = assertThrows(StepFailure.class, () -> runner.run(prov(npe, Duration.ZERO, Duration.ZERO, 0)));
        assertTrue(e.getMessage().startsWith("unexpected error: java.lang.NullPointerException: x"), e.getMessage());
    }

    @Test
    void ctrlCIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Provisioner stuck = ctx -> {
            attempts.incrementAndGet();
            cancellation.cancel("interrupted");
            ctx.cancellation().sleep(Duration.ofMinutes(1));
        };
        assertThrows(CancelledException.class, () -> runner.run(prov(stuck, Duration.ZERO, Duration.ofSeconds(30), 5)));
        assertEquals(1, attempts.get());
    }

    @Test
    void theProvisionerSeesBuildDataAndScriptEnvironment() throws Exception {
        runner.run(prov(ctx -> {
            assertEquals("10.0.0.5", ctx.buildData().get("Host"));
            assertEquals("b", ctx.scriptEnvironment().get("PACKER_BUILD_NAME"));
            assertEquals("b", ctx.build().name());
        }, Duration.ZERO, Duration.ZERO, 0));
    }
}
