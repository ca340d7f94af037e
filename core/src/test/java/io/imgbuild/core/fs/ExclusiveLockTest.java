package io.imgbuild.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
@SuppressWarnings("try") // the locks are held, not used
class ExclusiveLockTest {

    @TempDir
    Path dir;

    @Test
    void twoThreadsTakeTurns() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstHolds = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try (ExclusiveLock l = ExclusiveLock.acquire(manifest)) {
                log.add("first in");
                firstHolds.countDown();
                Thread.sleep(300);
                log.add("first out");
            } catch (Exception e) {
                log.add("first failed " + e);
            }
        });
        Thread second = new Thread(() -> {
            try {
                assertTrue(firstHolds.await(10, TimeUnit.SECONDS));
                try (ExclusiveLock l = ExclusiveLock.acquire(dir.resolve("./manifest.json"))) {
                    log.add("second in");
                }
            } catch (Exception e) {
                log.add("second failed " + e);
            }
        });
        first.start();
        second.start();
        first.join();
        second.join();
        assertEquals(List.of("first in", "first out", "second in"), log);
        assertTrue(Files.exists(dir.resolve("manifest.json.lock")));
    }

    @Test
    void differentFilesDoNotBlockEachOther() throws Exception {
        try (ExclusiveLock a = ExclusiveLock.acquire(dir.resolve("a"))) {
            Thread t = new Thread(() -> {
                try (ExclusiveLock b = ExclusiveLock.acquire(dir.resolve("b"))) {
                    // got it while a is held
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            t.start();
            t.join(5000);
            assertTrue(!t.isAlive());
        }
    }

    @Test
    void releasedLockCanBeTakenAgain() throws Exception {
        Path f = dir.resolve("m");
        ExclusiveLock.acquire(f).close();
        ExclusiveLock.acquire(f).close();
    }

    @Test
    void aWaiterIsToldOnceAndGetsTheLockWhenItIsReleased() throws Exception {
        Path f = dir.resolve("cache.iso");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        ExclusiveLock held = ExclusiveLock.acquire(f);
        Thread waiter = new Thread(() -> {
            try (ExclusiveLock l = ExclusiveLock.acquireInterruptibly(f, () -> log.add("busy"))) {
                log.add("got it");
            } catch (Exception e) {
                log.add("failed " + e);
            }
        });
        waiter.start();
        while (log.isEmpty()) {
            Thread.sleep(10);
        }
        assertEquals(List.of("busy"), log);
        held.close();
        waiter.join(5000);
        assertEquals(List.of("busy", "got it"), log);

        try (ExclusiveLock free = ExclusiveLock.acquireInterruptibly(f, () -> log.add("busy again"))) {
            assertEquals(List.of("busy", "got it"), log, "a free lock is taken without a word");
        }
    }

    @Test
    void anInterruptEndsTheWait() throws Exception {
        Path f = dir.resolve("cache.iso");
        CountDownLatch waiting = new CountDownLatch(1);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (ExclusiveLock held = ExclusiveLock.acquire(f)) {
            Thread waiter = new Thread(() -> {
                try (ExclusiveLock l = ExclusiveLock.acquireInterruptibly(f, waiting::countDown)) {
                    log.add("got it");
                } catch (InterruptedException e) {
                    log.add("interrupted");
                } catch (Exception e) {
                    log.add("failed " + e);
                }
            });
            waiter.start();
            assertTrue(waiting.await(5, TimeUnit.SECONDS));
            Thread.sleep(50); // into lockInterruptibly
            waiter.interrupt();
            waiter.join(5000);
            assertEquals(List.of("interrupted"), log);
        }
        ExclusiveLock.acquire(f).close(); // nothing was left held
    }
}
