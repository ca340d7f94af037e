package io.imgbuild.postprocessor.archive;

import java.io.InterruptedIOException;
import java.io.OutputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * xz on every core: xz-java has no multithreaded encoder, so the input is cut into chunks of three
 * dictionaries (as {@code xz -T} sizes its blocks) and each chunk becomes a complete .xz stream on
 * a worker. The .xz format allows concatenated streams; {@code xz -d} and {@code xz -t} read them as
 * one file. The encoders' big arrays are reused through xz-java's array cache.
 */
final class ParallelXzOutputStream extends ParallelBlockOutputStream {

    private static final int MIN_BLOCK = 1 << 20;
    private static final int MAX_BLOCK = 24 << 20;
    private static final int SLICE = 1 << 20;

    private final LZMA2Options options;
    private boolean anyStream;

    private ParallelXzOutputStream(OutputStream sink, LZMA2Options options, int blockSize, int workers) {
        super(sink, blockSize, workers, "xz");
        this.options = options;
    }

    static ParallelXzOutputStream open(OutputStream sink, int level, int workers) throws UnsupportedOptionsException {
        LZMA2Options options = new LZMA2Options(level);
        int block = Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, 3 * options.getDictSize()));
        if (options.getDictSize() > block) {
            options.setDictSize(block); // a dictionary larger than the chunk only costs memory
        }
        return new ParallelXzOutputStream(sink, options, block, workers);
    }

    @Override
    BlockTask task(byte[] input, int length, boolean last) {
        if (length == 0 && anyStream) {
            return into -> { }; // the input ended on a chunk boundary: no empty stream needed
        }
        anyStream = true;
        return into -> {
            try (XZOutputStream xz = new XZOutputStream(into, options, XZ.CHECK_CRC64,
                    BasicArrayCache.getInstance())) {
                // In slices, so an abort (which interrupts the workers) stops a 24 MiB chunk early.
                for (int off = 0; off < length; off += SLICE) {
                    if (Thread.interrupted()) {
                        throw new InterruptedIOException("xz compression aborted");
                    }
                    xz.write(input, off, Math.min(SLICE, length - off));
                }
            }
        };
    }
}
