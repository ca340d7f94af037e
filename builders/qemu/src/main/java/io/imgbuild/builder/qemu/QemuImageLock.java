package io.imgbuild.builder.qemu;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a QEMU process still has a disk image open, asked through QEMU's own image locking: while
 * QEMU runs it holds byte-range locks on the image (file-posix's permission bytes at 100 + n and
 * 200 + n), and they go with its last file descriptor when it exits. That is the moment the disk is
 * complete and free. libvirt reports the stop later: after its own clean-up, and only once the
 * process has been reaped, which a machine whose init reaps slowly delays by a second or more.
 */
final class QemuImageLock {

    /** QEMU's lock bytes span [100, 300): one per permission, plus one per shared permission. */
    private static final long FIRST_LOCK_BYTE = 100;
    private static final long LOCK_BYTES = 200;

    enum State { HELD, FREE, UNKNOWN }

    private QemuImageLock() {
    }

    static State probe(Path image) {
        // A write lock needs the file open for writing; nothing is written.
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock(FIRST_LOCK_BYTE, LOCK_BYTES, false);
            if (lock == null) {
                return State.HELD;
            }
            lock.release();
            return State.FREE;
        } catch (IOException | RuntimeException e) {
            return State.UNKNOWN;
        }
    }
}
