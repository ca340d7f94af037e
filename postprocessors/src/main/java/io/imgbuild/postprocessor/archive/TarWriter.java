package io.imgbuild.postprocessor.archive;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a tar archive as a stream: each file is read once, straight into the output (which may be
 * a compressing stream), so a disk image is never loaded or copied. Sizes over 8 GiB and names over
 * 100 bytes use POSIX (pax) headers, which GNU tar, bsdtar and Vagrant read.
 */
public final class TarWriter implements Closeable {

    private static final int BUFFER = 1 << 20;

    private final TarArchiveOutputStream tar;
    private final Cancellation cancellation;
    private final byte[] array = new byte[BUFFER];
    private boolean closed;

    /** A writer that is never cancelled. */
    public TarWriter(OutputStream out) {
        this(out, null);
    }

    /** A writer that checks {@code cancellation} between buffers and stops with CancelledException. */
    public TarWriter(OutputStream out, Cancellation cancellation) {
        this.tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        this.cancellation = cancellation;
    }

    /**
     * Adds a regular file, read once with its size, mode and modification time.
     *
     * @param progress told the number of bytes of each buffer as it is written
     */
    public void addFile(String nameInArchive, Path file, LongConsumer progress) throws IOException, CancelledException {
        TarArchiveEntry entry = new TarArchiveEntry(file, nameInArchive);
        long size = entry.getSize();
        tar.putArchiveEntry(entry);
        ByteBuffer buf = ByteBuffer.wrap(array);
        long left = size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (left > 0) {
                throwIfCancelled();
                buf.clear().limit((int) Math.min(BUFFER, left));
                int n = ch.read(buf);
                if (n < 0) {
                    throw new EOFException(file + " shrank while being archived: " + (size - left) + " of " + size
                            + " bytes read");
                }
                tar.write(array, 0, n);
                left -= n;
                progress.accept(n);
            }
        }
        tar.closeArchiveEntry();
    }

    /**
     * Adds {@code size} bytes read from {@code in} as a regular file (mode 0644, modified now): a member
     * of another archive (an OVA's disk) streamed across without a temporary copy.
     */
    public void addStream(String nameInArchive, InputStream in, long size, LongConsumer progress)
            throws IOException, CancelledException {
        TarArchiveEntry entry = new TarArchiveEntry(nameInArchive);
        entry.setSize(size);
        entry.setMode(0100644);
        entry.setLastModifiedTime(FileTime.from(Instant.now()));
        tar.putArchiveEntry(entry);
        long left = size;
        while (left > 0) {
            throwIfCancelled();
            int n = in.read(array, 0, (int) Math.min(BUFFER, left));
            if (n < 0) {
                throw new EOFException(nameInArchive + " ended early: " + (size - left) + " of " + size + " bytes read");
            }
            tar.write(array, 0, n);
            left -= n;
            progress.accept(n);
        }
        tar.closeArchiveEntry();
    }

    /** Adds a small file made in memory (metadata.json, a Vagrantfile), mode 0644, modified now. */
    public void addBytes(String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100644);
        entry.setLastModifiedTime(FileTime.from(Instant.now()));
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Writes the end of the archive and closes the output (which finishes its compression). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            tar.finish();
        } finally {
            tar.close();
        }
    }

    private void throwIfCancelled() throws CancelledException {
        if (cancellation != null) {
            cancellation.throwIfCancelled();
        }
    }

}
