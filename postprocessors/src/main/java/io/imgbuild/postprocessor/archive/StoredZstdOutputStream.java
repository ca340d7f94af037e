package io.imgbuild.postprocessor.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * A zstd frame of raw (stored) blocks: what level 0 means here, since zstd's own level 0 means "the
 * default level". Each block holds up to 128 KiB verbatim; the frame ends with the content checksum
 * (low 32 bits of XXH64), so {@code zstd -t} verifies the data.
 */
final class StoredZstdOutputStream extends FilterOutputStream {

    private static final int BLOCK = 128 * 1024;
    private static final byte[] FRAME_HEADER = {
        0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, // magic
        0x04, // descriptor: content checksum, no content size, not single-segment
        0x38, // window descriptor: 2^(10+7) = 128 KiB
    };

    private final byte[] block = new byte[BLOCK];
    private final StreamingXXHash64 hash = XXHashFactory.fastestInstance().newStreamingHash64(0);
    private int filled;
    private boolean headerWritten;
    private boolean closed;

    StoredZstdOutputStream(OutputStream sink) {
        super(sink);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == BLOCK) {
                writeBlock(false);
            }
            int n = Math.min(len, BLOCK - filled);
            System.arraycopy(b, off, block, filled, n);
            hash.update(b, off, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Holds back the last block until close, which marks it last. */
    private void writeBlock(boolean last) throws IOException {
        if (!headerWritten) {
            out.write(FRAME_HEADER);
            headerWritten = true;
        }
        int header = (last ? 1 : 0) | (filled << 3); // block type 0: raw
        out.write(new byte[] {(byte) header, (byte) (header >>> 8), (byte) (header >>> 16)});
        out.write(block, 0, filled);
        filled = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeBlock(true);
            int checksum = (int) hash.getValue();
            out.write(new byte[] {(byte) checksum, (byte) (checksum >>> 8), (byte) (checksum >>> 16),
                (byte) (checksum >>> 24)});
        } finally {
            hash.close();
            out.close();
        }
    }
}
