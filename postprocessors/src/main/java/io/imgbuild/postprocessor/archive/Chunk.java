package io.imgbuild.postprocessor.archive;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer a worker compresses one block into; the writer thread copies it to the sink
 * and hands the array back for reuse, so a long stream allocates no new buffers once warmed up.
 */
final class Chunk extends OutputStream {

    byte[] bytes;
    int length;

    Chunk(int capacity) {
        bytes = new byte[capacity];
    }

    /** Makes room for {@code more} bytes after {@link #length}. */
    void ensure(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    void writeShortLE(int v) {
        write(v & 0xff);
        write((v >>> 8) & 0xff);
    }

    void writeIntLE(int v) {
        writeShortLE(v & 0xffff);
        writeShortLE(v >>> 16);
    }
}
