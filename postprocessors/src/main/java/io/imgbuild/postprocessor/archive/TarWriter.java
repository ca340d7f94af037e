package io.imgbuild.postprocessor.archive;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final TarArchiveOutputStream tar;
    private final OutputStream out;
    private final FileStreamer streamer;
    private Throwable failure;
    private boolean closed;

    /** A writer that is never cancelled. */
    public TarWriter(OutputStream out) {
        this(out, null);
    }

    /** A writer that checks {@code cancellation} between buffers and stops with CancelledException. */
    public TarWriter(OutputStream out, Cancellation cancellation) {
        this.out = out;
        this.tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        this.streamer = new FileStreamer(cancellation);
    }

    /**
     * Adds a regular file, read once with its size, mode and modification time.
     *
     * @param progress told the number of bytes of each buffer as it is written
     */
    public void addFile(String nameInArchive, Path file, LongConsumer progress) throws IOException, CancelledException {
        try {
            long size = Files.size(file);
            tar.putArchiveEntry(entry(nameInArchive, size, mode(file), Files.getLastModifiedTime(file)));
            streamer.copy(file, size, tar, progress);
            tar.closeArchiveEntry();
        } catch (IOException | CancelledException | RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Adds {@code size} bytes read from {@code in} as a regular file (mode 0644, modified now): a member
     * of another archive (an OVA's disk) streamed across without a temporary copy.
     */
    public void addStream(String nameInArchive, InputStream in, long size, LongConsumer progress)
            throws IOException, CancelledException {
        tar.putArchiveEntry(entry(nameInArchive, size, 0644, FileTime.from(Instant.now())));
        streamer.copy(in, nameInArchive, size, tar, progress);
        tar.closeArchiveEntry();
    }

    /** Adds a small file made in memory (metadata.json, a Vagrantfile), mode 0644, modified now. */
    public void addBytes(String name, byte[] content) throws IOException {
        try {
            tar.putArchiveEntry(entry(name, content.length, 0644, FileTime.from(Instant.now())));
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Writes the end of the archive and closes the output (which finishes its compression); after a
     * failed or cancelled add, only closes the output without finishing (see Compression.discard).
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (failure != null) {
            Compression.discard(out, failure);
            return;
        }
        try {
            tar.finish();
        } finally {
            tar.close();
        }
    }

    /**
     * Name, size, mode and mtime only, as Packer's tar does: Commons Compress would also record
     * creation and access times as LIBARCHIVE.* pax keywords, which GNU tar warns about on every entry.
     */
    private static TarArchiveEntry entry(String name, long size, int mode, FileTime modified) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
        entry.setLastModifiedTime(modified);
        return entry;
    }

    private static int mode(Path file) throws IOException {
        try {
            return (int) Files.getAttribute(file, "unix:mode") & 07777;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 0644; // not a Unix file system
        }
    }
}
