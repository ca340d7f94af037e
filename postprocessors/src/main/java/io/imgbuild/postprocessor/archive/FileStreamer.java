package io.imgbuild.postprocessor.archive;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * Streams a file into an output in 1 MiB buffers, exactly {@code size} bytes, reporting each buffer
 * and checking for a cancel between buffers: the one read loop every archive writer shares.
 */
public final class FileStreamer {

    private static final int BUFFER = 1 << 20;

    private final byte[] array = new byte[BUFFER];
    private final Cancellation cancellation;

    /** @param cancellation checked between buffers; null for never */
    public FileStreamer(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    /** Copies the first {@code size} bytes of {@code file}; fails if the file is shorter. */
    public void copy(Path file, long size, OutputStream out, LongConsumer progress)
            throws IOException, CancelledException {
        ByteBuffer buf = ByteBuffer.wrap(array);
        long left = size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (left > 0) {
                if (cancellation != null) {
                    cancellation.throwIfCancelled();
                }
                buf.clear().limit((int) Math.min(BUFFER, left));
                int n = ch.read(buf);
                if (n < 0) {
                    throw new EOFException(file + " shrank while being read: " + (size - left) + " of " + size
                            + " bytes read");
                }
                out.write(array, 0, n);
                left -= n;
                progress.accept(n);
            }
        }
    }

    /** Copies {@code size} bytes of {@code in} (called {@code what} in messages); fails if it ends sooner. */
    public void copy(InputStream in, String what, long size, OutputStream out, LongConsumer progress)
            throws IOException, CancelledException {
        long left = size;
        while (left > 0) {
            if (cancellation != null) {
                cancellation.throwIfCancelled();
            }
            int n = in.read(array, 0, (int) Math.min(BUFFER, left));
            if (n < 0) {
                throw new EOFException(what + " ended early: " + (size - left) + " of " + size + " bytes read");
            }
            out.write(array, 0, n);
            left -= n;
            progress.accept(n);
        }
    }
}
