package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU's own image locks, held by a real QEMU process (qemu-nbd serving the image) and let go at its exit. */
class QemuImageLockTest {

    @Test
    void heldWhileQemuHasTheImageOpenAndFreeOnceItExits(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("disk.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M");
        assertEquals(QemuImageLock.State.FREE, QemuImageLock.probe(image), "nobody has it open yet");

        Process qemu = new ProcessBuilder("qemu-nbd", "-f", "qcow2", "-k", dir.resolve("nbd.sock").toString(),
                image.toString()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (QemuImageLock.probe(image) != QemuImageLock.State.HELD && System.nanoTime() < deadline) {
                assertTrue(qemu.isAlive(), () -> "qemu-nbd ended: " + output(qemu));
                Thread.sleep(20);
            }
            assertEquals(QemuImageLock.State.HELD, QemuImageLock.probe(image), "qemu-nbd holds the image");
            assertEquals(QemuImageLock.State.HELD, QemuImageLock.probe(image), "probing does not take the lock away");
        } finally {
            qemu.destroyForcibly(); // no goodbye from QEMU: the kernel lets go of its locks
            assertTrue(qemu.waitFor(20, TimeUnit.SECONDS));
        }
        assertEquals(QemuImageLock.State.FREE, QemuImageLock.probe(image), "the lock went with the process");
        run("qemu-img", "check", "-q", image.toString()); // and QEMU can open it again
    }

    @Test
    void aMissingImageIsUnknownNotFree(@TempDir Path dir) {
        assertEquals(QemuImageLock.State.UNKNOWN, QemuImageLock.probe(dir.resolve("absent.qcow2")));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + ": " + output(p));
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes());
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
