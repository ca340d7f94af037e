package io.imgbuild.postprocessor.compress;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.postprocessor.archive.Compression;
import io.imgbuild.postprocessor.archive.FileStreamer;
import io.imgbuild.postprocessor.archive.TarWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.LongConsumer;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Writes one archive of a format to a (temporary) file, reading each input once. */
final class ArchiveWriter {

    private final ArchiveFormat format;
    private final int level;
    private final Cancellation cancellation;

    ArchiveWriter(ArchiveFormat format, int level, Cancellation cancellation) {
        this.format = format;
        this.level = level;
        this.cancellation = cancellation;
    }

    void write(ArchiveInputs inputs, Path to, LongConsumer progress) throws IOException, CancelledException {
        if (format == ArchiveFormat.ZIP) {
            zip(inputs, to, progress);
        } else if (format.tar()) {
            try (TarWriter tar = new TarWriter(compressing(to), cancellation)) {
                for (ArchiveInputs.Entry e : inputs.entries()) {
                    tar.addFile(e.name(), e.file(), progress);
                }
            }
        } else {
            ArchiveInputs.Entry only = inputs.entries().get(0);
            OutputStream out = compressing(to);
            try {
                new FileStreamer(cancellation).copy(only.file(), only.size(), out, progress);
            } catch (IOException | CancelledException | RuntimeException e) {
                Compression.discard(out, e);
                throw e;
            }
            out.close();
        }
    }

    private OutputStream compressing(Path to) throws IOException {
        OutputStream file = Files.newOutputStream(to);
        try {
            return compression(format).open(file, level);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    static Compression compression(ArchiveFormat format) {
        if (format.algorithm() == null) {
            return Compression.NONE;
        }
        return switch (format.algorithm()) {
            case "gzip" -> Compression.GZIP;
            case "zstd" -> Compression.ZSTD;
            case "xz" -> Compression.XZ;
            case "lz4" -> Compression.LZ4;
            case "bgzf" -> Compression.BGZF;
            default -> throw new IllegalArgumentException("no stream compression for " + format.describe());
        };
    }

    /** Zip through a seekable file, so stored entries and Zip64 sizes are patched in after the data. */
    private void zip(ArchiveInputs inputs, Path to, LongConsumer progress) throws IOException, CancelledException {
        FileStreamer streamer = new FileStreamer(cancellation);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(to)) {
            zip.setUseZip64(Zip64Mode.AsNeeded);
            zip.setLevel(level == 0 ? Deflater.NO_COMPRESSION : level);
            zip.setMethod(level == 0 ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
            for (ArchiveInputs.Entry e : inputs.entries()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
                entry.setSize(e.size());
                FileTime modified = Files.getLastModifiedTime(e.file());
                entry.setLastModifiedTime(modified);
                zip.putArchiveEntry(entry);
                streamer.copy(e.file(), e.size(), zip, progress);
                zip.closeArchiveEntry();
            }
        }
    }
}
