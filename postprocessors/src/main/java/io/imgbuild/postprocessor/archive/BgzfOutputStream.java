package io.imgbuild.postprocessor.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * BGZF (the blocked gzip of samtools/htslib): a series of small gzip members, each at most 64 KiB
 * compressed and carrying its size in a "BC" extra field, then a fixed empty member as end-of-file
 * marker. Any gzip reader reads it as concatenated members. The members are independent, so a
 * worker compresses a run of them at a time.
 */
final class BgzfOutputStream extends ParallelBlockOutputStream {

    /** Input per member, as bgzip uses: small enough that even stored data fits in 64 KiB. */
    private static final int MEMBER_INPUT = 0xff00;
    private static final int MEMBERS_PER_TASK = 16;
    private static final int MAX_MEMBER = 65536;
    private static final int HEADER_SIZE = 18;
    private static final int TRAILER_SIZE = 8;
    static final byte[] EOF_MARKER = {
        0x1f, (byte) 0x8b, 8, 4, 0, 0, 0, 0, 0, (byte) 0xff, 6, 0, 0x42, 0x43, 2, 0, 0x1b, 0, 3, 0,
        0, 0, 0, 0, 0, 0, 0, 0,
    };

    private final int level;
    private final ConcurrentLinkedQueue<Deflater> deflaters = new ConcurrentLinkedQueue<>();

    BgzfOutputStream(OutputStream sink, int level, int workers) {
        super(sink, MEMBER_INPUT * MEMBERS_PER_TASK, workers, "bgzf");
        this.level = level;
    }

    @Override
    BlockTask task(byte[] input, int length, boolean last) {
        return into -> {
            Deflater d = deflaters.poll();
            if (d == null) {
                d = new Deflater(level, true);
            }
            try {
                for (int off = 0; off < length; off += MEMBER_INPUT) {
                    member(d, input, off, Math.min(MEMBER_INPUT, length - off), into);
                }
            } finally {
                deflaters.add(d);
            }
        };
    }

    private void member(Deflater d, byte[] input, int off, int len, Chunk into) {
        int start = into.length;
        into.ensure(MAX_MEMBER);
        int body = start + HEADER_SIZE;
        int room = MAX_MEMBER - HEADER_SIZE - TRAILER_SIZE;
        int n = deflateAll(d, input, off, len, into.bytes, body, room);
        if (n < 0) {
            // Incompressible data that deflate made larger: store it, which always fits.
            Deflater store = new Deflater(Deflater.NO_COMPRESSION, true);
            try {
                n = deflateAll(store, input, off, len, into.bytes, body, room);
            } finally {
                store.end();
            }
        }
        into.length = start;
        into.write(0x1f);
        into.write(0x8b);
        into.write(8);
        into.write(4); // FEXTRA
        into.writeIntLE(0); // no mtime
        into.write(0);
        into.write(0xff); // unknown OS, as bgzip writes
        into.writeShortLE(6); // extra length
        into.write('B');
        into.write('C');
        into.writeShortLE(2);
        into.writeShortLE(HEADER_SIZE + n + TRAILER_SIZE - 1);
        into.length += n; // the deflate data is already in place
        CRC32 crc = new CRC32();
        crc.update(input, off, len);
        into.writeIntLE((int) crc.getValue());
        into.writeIntLE(len);
    }

    /** Deflates fully into {@code out}; -1 when it does not fit in {@code room}. */
    private static int deflateAll(Deflater d, byte[] in, int off, int len, byte[] out, int at, int room) {
        d.reset();
        d.setInput(in, off, len);
        d.finish();
        int n = 0;
        while (!d.finished()) {
            if (n == room) {
                return -1;
            }
            n += d.deflate(out, at + n, room - n);
        }
        return n;
    }

    @Override
    void finish(OutputStream sink) throws IOException {
        sink.write(EOF_MARKER);
    }

    @Override
    void release() {
        Deflater d;
        while ((d = deflaters.poll()) != null) {
            d.end();
        }
    }
}
