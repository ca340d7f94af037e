package io.imgbuild.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CancellationTest {

    @Test
    void aChildIsCancelledWithItsParentAndKeepsTheReason() {
        Cancellation root = Cancellation.root();
        Cancellation.Child child = root.child();
        Cancellation grandchild = child.cancellation().child().cancellation();
        root.cancel("Ctrl-C");
        assertTrue(child.cancellation().isCancelled());
        assertEquals("Ctrl-C", child.cancellation().reason());
        assertEquals("Ctrl-C", grandchild.reason());
    }

    @Test
    void aChildCanBeCancelledAlone() {
        Cancellation root = Cancellation.root();
        Cancellation child = root.child().cancellation();
        child.cancel("timed out after 5s");
        assertTrue(child.isCancelled());
        assertFalse(root.isCancelled());
        assertThrows(CancelledException.class, child::throwIfCancelled);
    }

    @Test
    void aClosedChildIsDetached() {
        Cancellation root = Cancellation.root();
        Cancellation.Child child = root.child();
        child.close();
        root.cancel("x");
        assertFalse(child.cancellation().isCancelled());
    }

    @Test
    void aChildOfACancelledParentIsBornCancelled() {
        Cancellation root = Cancellation.root();
        root.cancel("gone");
        assertEquals("gone", root.child().cancellation().reason());
    }

    @Test
    void onCancelAfterCancelRunsAtOnce() {
        Cancellation c = Cancellation.root();
        c.cancel("x");
        List<String> ran = new ArrayList<>();
        c.onCancel(() -> ran.add("late"));
        assertEquals(List.of("late"), ran);
    }

    @Test
    void actionsRunOnceAndTheFirstReasonStays() {
        Cancellation c = Cancellation.root();
        AtomicInteger runs = new AtomicInteger();
        c.onCancel(runs::incrementAndGet);
        c.cancel("first");
        c.cancel("second");
        assertEquals(1, runs.get());
        assertEquals("first", c.reason());
        Cancellation d = Cancellation.root();
        d.cancel(null);
        assertEquals("cancelled", d.reason());
    }

    @Test
    void aClosedRegistrationDoesNotRun() {
        Cancellation c = Cancellation.root();
        AtomicInteger runs = new AtomicInteger();
        c.onCancel(runs::incrementAndGet).close();
        c.cancel("x");
        assertEquals(0, runs.get());
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        Cancellation c = Cancellation.root();
        AtomicInteger runs = new AtomicInteger();
        c.onCancel(() -> {
            throw new IllegalStateException("boom");
        });
        c.onCancel(runs::incrementAndGet);
        c.cancel("x");
        assertEquals(1, runs.get());
    }

    @Test
    void sleepWakesEarlyOnCancel() {
        Cancellation c = Cancellation.root();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            c.cancel("stop");
        });
        t.start();
        long t0 = System.nanoTime();
        CancelledException e = assertThrows(CancelledException.class, () -> c.sleep(Duration.ofSeconds(30)));
        assertEquals("stop", e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void aChildSleepWakesWhenTheParentIsCancelled() {
        Cancellation root = Cancellation.root();
        Cancellation child = root.child().cancellation();
        new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            root.cancel("parent");
        }).start();
        assertEquals("parent", assertThrows(CancelledException.class, () -> child.sleep(Duration.ofSeconds(30)))
                .getMessage());
    }

    @Test
    void sleepCompletesWhenNotCancelled() throws Exception {
        long t0 = System.nanoTime();
        Cancellation.root().sleep(Duration.ofMillis(50));
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(45).toNanos());
    }

    @Test
    void sleepWhenAlreadyCancelledThrowsAtOnce() {
        Cancellation c = Cancellation.root();
        c.cancel("x");
        assertThrows(CancelledException.class, () -> c.sleep(Duration.ofHours(1)));
    }
}
