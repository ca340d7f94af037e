package io.imgbuild.core.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises access to a shared file (a manifest, a cached download) between threads of this process
 * and between processes: an in-process lock (file locks are per process in the JVM) plus an OS lock
 * on a {@code .lock} file next to it, as Packer does.
 */
public final class ExclusiveLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    public static ExclusiveLock acquire(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(abs, k -> new ReentrantLock());
        local.lock();
        return lockFile(abs, local, FileChannel::lock);
    }

    /**
     * As {@link #acquire}, but an interrupt (a cancelled build) ends the wait, and {@code whenBusy} runs
     * once before waiting when someone else holds the lock, so the caller can say what it waits for.
     */
    public static ExclusiveLock acquireInterruptibly(Path file, Runnable whenBusy)
            throws IOException, InterruptedException {
        Path abs = file.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(abs, k -> new ReentrantLock());
        boolean told = !local.tryLock();
        if (told) {
            whenBusy.run();
            local.lockInterruptibly();
        }
        try {
            return lockFile(abs, local, ch -> {
                FileLock l = ch.tryLock();
                if (l == null) {
                    if (!told) {
                        whenBusy.run(); // another process holds it
                    }
                    l = ch.lock();
                }
                return l;
            });
        } catch (FileLockInterruptionException e) {
            throw new InterruptedException("interrupted while waiting for the lock on " + abs);
        }
    }

    private interface Locker {
        FileLock lock(FileChannel channel) throws IOException;
    }

    /** Takes the OS lock while holding {@code local}; on failure releases both. */
    private static ExclusiveLock lockFile(Path abs, ReentrantLock local, Locker locker) throws IOException {
        try {
            Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
            Files.createDirectories(lockFile.getParent());
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new ExclusiveLock(local, ch, locker.lock(ch));
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
