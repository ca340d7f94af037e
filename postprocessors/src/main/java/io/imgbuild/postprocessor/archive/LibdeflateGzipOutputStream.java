package io.imgbuild.postprocessor.archive;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * gzip compressed in parallel by libdeflate: each block becomes a complete gzip member (header,
 * deflate data, CRC-32, size), and the members follow each other in order. A file of several members
 * is one gzip file to gzip, tar, bsdtar (Vagrant), Python and Java: RFC 1952 allows it and BGZF is
 * built on it. libdeflate has no streaming API, so a block cannot continue the previous one's
 * stream as pigz's do; without the 32 KiB dictionary a 4 MiB block loses under 0.1% of ratio, and
 * libdeflate's level 6 still comes out smaller than zlib's. Incompressible blocks are stored (level 0).
 */
final class LibdeflateGzipOutputStream extends ParallelBlockOutputStream {

    private final Libdeflate lib;
    private final int level;
    private final ConcurrentLinkedQueue<Pointer> compressors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pointer> storers = new ConcurrentLinkedQueue<>();
    private long blocks;

    LibdeflateGzipOutputStream(OutputStream sink, Libdeflate lib, int level, int blockSize, int workers) {
        super(sink, blockSize, workers, "gzip");
        this.lib = lib;
        this.level = level;
    }

    @Override
    BlockTask task(byte[] input, int length, boolean last) {
        if (last && length == 0 && blocks > 0) {
            return into -> { }; // the members so far are the whole file
        }
        blocks++;
        return into -> compress(input, length, into);
    }

    private void compress(byte[] input, int length, Chunk into) {
        boolean store = level == 0 || Incompressible.looksIncompressible(input, length);
        ConcurrentLinkedQueue<Pointer> pool = store ? storers : compressors;
        Pointer c = pool.poll();
        if (c == null) {
            c = lib.compressor(store ? 0 : level);
        }
        try {
            into.ensure(lib.bound(c, length));
            into.length = lib.gzip(c, input, length, into.bytes);
        } finally {
            pool.add(c);
        }
    }

    @Override
    void release() {
        Pointer c;
        while ((c = compressors.poll()) != null) {
            lib.free(c);
        }
        while ((c = storers.poll()) != null) {
            lib.free(c);
        }
    }

    @Override
    void finish(OutputStream sink) throws IOException {
        // every member carries its own trailer
    }
}
