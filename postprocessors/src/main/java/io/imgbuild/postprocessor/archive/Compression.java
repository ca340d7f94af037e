package io.imgbuild.postprocessor.archive;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The compression algorithms archives are written with. {@link #open} returns a stream that
 * compresses into a sink using every core where the algorithm allows (gzip, bgzf, zstd, xz);
 * closing it finishes the format and closes the sink.
 */
public enum Compression {
    /** No compression: the bytes pass through. */
    NONE,
    /** gzip, one member, compressed on every core the way pigz does; level 0 stores. */
    GZIP,
    /** zstd through zstd-jni with one worker per core; level 0 writes a frame of stored blocks. */
    ZSTD,
    /** xz (LZMA2 presets 0-9); chunks compressed in parallel as concatenated .xz streams. */
    XZ,
    /** The LZ4 frame format ({@code lz4 -t} reads it); levels 0-2 fast, 3-12 high compression. */
    LZ4,
    /** BGZF, gzip in independent 64 KiB members with an end-of-file marker; level 0 stores. */
    BGZF;

    /**
     * A stream that compresses what is written into {@code sink}.
     *
     * @param level the algorithm's level (gzip/bgzf 0-9, zstd 0-22, xz 0-9, lz4 0-12; ignored for NONE)
     */
    public OutputStream open(OutputStream sink, int level) throws IOException {
        return open(sink, level, ParallelBlockOutputStream.defaultWorkers());
    }

    /**
     * Closes a stream from {@link #open} after a failure or cancel: parallel formats stop their
     * workers without compressing what is still queued (the half-written file is to be discarded).
     * Errors while closing are added to {@code cause}.
     */
    public static void discard(OutputStream stream, Throwable cause) {
        try {
            if (stream instanceof ParallelBlockOutputStream p) {
                p.abort();
            } else {
                stream.close();
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** As {@link #open(OutputStream, int)} with a given number of worker threads. */
    OutputStream open(OutputStream sink, int level, int workers) throws IOException {
        checkLevel(level);
        return switch (this) {
            case NONE -> new PassThroughOutputStream(sink);
            case GZIP -> gzip(sink, level, workers, Libdeflate.get());
            case BGZF -> new BgzfOutputStream(sink, level, workers);
            case XZ -> ParallelXzOutputStream.open(sink, level, workers);
            case ZSTD -> level == 0 ? new StoredZstdOutputStream(sink) : zstd(sink, level, workers);
            case LZ4 -> lz4(sink, level);
        };
    }

    private void checkLevel(int level) {
        int max = switch (this) {
            case NONE -> Integer.MAX_VALUE;
            case GZIP, BGZF, XZ -> 9;
            case ZSTD -> 22;
            case LZ4 -> 12;
        };
        if (this != NONE && (level < 0 || level > max)) {
            throw new IllegalArgumentException(name().toLowerCase() + " level " + level + " is not in 0-" + max);
        }
    }

    /** libdeflate when the library is there (2x zlib's speed), else the JDK's zlib as pigz uses it. */
    static OutputStream gzip(OutputStream sink, int level, int workers, Libdeflate lib) throws IOException {
        int block = ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE;
        return lib != null ? new LibdeflateGzipOutputStream(sink, lib, level, block, workers)
                : new ParallelGzipOutputStream(sink, level, block, workers);
    }

    private static OutputStream zstd(OutputStream sink, int level, int workers) throws IOException {
        ZstdOutputStream z = new ZstdOutputStream(sink, level);
        z.setChecksum(true); // as the zstd tool writes by default, so zstd -t verifies the content
        if (workers > 1) {
            z.setWorkers(workers);
        }
        return z;
    }

    private static OutputStream lz4(OutputStream sink, int level) throws IOException {
        LZ4Factory f = LZ4Factory.fastestInstance();
        LZ4Compressor c = level < 3 ? f.fastCompressor() : f.highCompressor(level);
        return new LZ4FrameOutputStream(sink, LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB, -1L, c,
                XXHashFactory.fastestInstance().hash32(), LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM);
    }
}
