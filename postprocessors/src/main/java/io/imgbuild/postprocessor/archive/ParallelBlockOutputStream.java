package io.imgbuild.postprocessor.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cuts what is written into fixed-size blocks, compresses them on worker threads and writes the
 * results to the sink in input order. At most {@code 2 × workers} blocks are in flight, so memory
 * stays a few blocks whatever the input size, and input and output arrays are reused.
 *
 * <p>{@link #close()} always stops the workers, even after a failed write (the format is then not
 * finished: the caller discards the half file), so no thread outlives the stream.
 */
abstract class ParallelBlockOutputStream extends OutputStream {

    private static final AtomicInteger STREAMS = new AtomicInteger();

    private final OutputStream sink;
    private final ExecutorService pool;
    private final int blockSize;
    private final int maxInFlight;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freeInputs = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Chunk> freeChunks = new ConcurrentLinkedQueue<>();
    private byte[] block;
    private int filled;
    private boolean failed;
    private boolean closed;

    private record InFlight(Future<Chunk> result, byte[] input) {
    }

    /** One block's work, run on a worker. */
    @FunctionalInterface
    interface BlockTask {
        void compress(Chunk into) throws IOException;
    }

    ParallelBlockOutputStream(OutputStream sink, int blockSize, int workers, String name) {
        this.sink = sink;
        this.blockSize = blockSize;
        this.maxInFlight = 2 * workers;
        this.block = new byte[blockSize];
        int id = STREAMS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "imgbuild-" + name + "-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(workers, threads);
    }

    /**
     * Called on the writer's thread for each block, in order (so checksums and dictionaries can be
     * kept here); returns the work to do on a worker. {@code input} is not changed until that work
     * has finished.
     */
    abstract BlockTask task(byte[] input, int length, boolean last);

    /** Called once, after the last block is written to the sink. */
    void finish(OutputStream sink) throws IOException {
    }

    /** Called once when closing, after the workers stopped: release native resources. */
    void release() {
    }

    /** Writes directly to the sink (a header, before any block). */
    final void writeToSink(byte[] b) throws IOException {
        sink.write(b);
    }

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        try {
            while (len > 0) {
                int n = Math.min(len, blockSize - filled);
                System.arraycopy(b, off, block, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == blockSize) {
                    submit(false);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }

    /** Writes out what is already compressed; it does not cut a block short (that would cost ratio). */
    @Override
    public final void flush() throws IOException {
        ensureOpen();
        sink.flush();
    }

    /** Closes without finishing the format: the workers stop after their current block. */
    final void abort() throws IOException {
        failed = true;
        close();
    }

    @Override
    public final void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!failed) {
                submit(true);
                while (!inFlight.isEmpty()) {
                    writeOldest();
                }
                finish(sink);
            }
        } finally {
            try {
                stopWorkers();
            } finally {
                try {
                    release();
                } finally {
                    sink.close();
                }
            }
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        BlockTask task = task(input, filled, last);
        Chunk chunk = freeChunks.poll();
        Chunk into = chunk != null ? chunk : new Chunk(blockSize + blockSize / 8 + 1024);
        into.length = 0;
        inFlight.add(new InFlight(pool.submit(() -> {
            task.compress(into);
            return into;
        }), input));
        byte[] free = freeInputs.poll();
        block = free != null ? free : new byte[blockSize];
        filled = 0;
        while (inFlight.size() > maxInFlight) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        InFlight oldest = inFlight.poll();
        Chunk chunk;
        try {
            chunk = oldest.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("compressing failed: " + cause, cause);
        }
        sink.write(chunk.bytes, 0, chunk.length);
        freeChunks.add(chunk);
        freeInputs.add(oldest.input());
    }

    /** Waits even when interrupted (a Ctrl-C): tasks are CPU-bound on one block and end within its time. */
    private void stopWorkers() throws IOException {
        pool.shutdownNow();
        inFlight.clear();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                        return;
                    }
                    throw new IOException("compression workers did not stop within a minute");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    /** Every core, as the task asks: the writer thread mostly waits on the workers. */
    static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
