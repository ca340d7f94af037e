package io.imgbuild.core.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps writing an executable file and starting a process apart, as Go's syscall.ForkLock does.
 * A child forked while another thread still holds a script open for writing inherits that
 * descriptor until it execs; running the script in that window fails with "Text file busy"
 * (ETXTBSY). Parallel builds running shell-local hit exactly that. Starts share the lock, so
 * they still run side by side; only a script being written excludes them.
 */
public final class ForkLock {

    private static final ReadWriteLock LOCK = new ReentrantReadWriteLock();

    private ForkLock() {
    }

    /** Starts the process while no executable file is open for writing. */
    public static Process start(ProcessBuilder builder) throws IOException {
        LOCK.readLock().lock();
        try {
            return builder.start();
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /** Creates a temporary file only its owner can read, write and execute, holding {@code content}. */
    public static Path writeTempExecutable(String prefix, String suffix, String content) throws IOException {
        LOCK.writeLock().lock();
        try {
            Path file = Files.createTempFile(prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } finally {
            LOCK.writeLock().unlock();
        }
    }
}
