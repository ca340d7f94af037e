package io.imgbuild.core.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A file output stream that has the kernel write the file to disk while it is still being written.
 * A big artifact is made durable before it is renamed into place ({@link AtomicFile#commit}); without
 * this, all of it is still in the page cache at that moment (Linux starts writing dirty pages back only
 * after 30 s or at 10 % of memory), and that fsync then takes half a second per GiB on top of the
 * transfer. Java has no sync_file_range, so every {@value #EVERY_MIB} MiB a background thread
 * fdatasyncs what has been written so far, and {@link #close} syncs the rest on the same descriptor:
 * Linux reports a write-back error once, to whichever descriptor syncs first, so a failure must be
 * caught here, not left to the caller's later fsync on another descriptor.
 */
public final class WriteBehind extends OutputStream {

    static final int EVERY_MIB = 64;
    private static final long EVERY = (long) EVERY_MIB << 20;
    /** One flush at a time for the whole process: they share one disk. */
    private static final ExecutorService FLUSHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "write-behind");
        t.setDaemon(true);
        return t;
    });

    private final FileChannel channel;
    private long unflushed;
    private Future<?> flushing;
    private int flushes;

    private WriteBehind(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates or truncates {@code file} for writing. */
    public static WriteBehind newOutputStream(Path file) throws IOException {
        return new WriteBehind(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
        unflushed += len;
        if (unflushed >= EVERY && (flushing == null || flushing.isDone())) {
            if (flushing != null) {
                awaitFlush(); // throws the failure of the flush that just ended, if it failed
            }
            unflushed = 0;
            flushes++;
            flushing = FLUSHER.submit(() -> {
                channel.force(false);
                return null;
            });
        }
    }

    /** How many background flushes were started (for tests). */
    int flushesStarted() {
        return flushes;
    }

    /**
     * Waits for a running flush, writes the rest to disk and closes the file; a write-back error of any
     * part of the file is thrown here.
     */
    @Override
    public void close() throws IOException {
        try (FileChannel c = channel) {
            if (flushing != null) {
                awaitFlush();
            }
            c.force(false);
        }
    }

    private void awaitFlush() throws IOException {
        try {
            flushing.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io
                    : new IOException("writing " + channel + " to disk failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the file was being written to disk");
        }
    }
}
