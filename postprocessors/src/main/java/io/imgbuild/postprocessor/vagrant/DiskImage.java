package io.imgbuild.postprocessor.vagrant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A disk image's format and virtual size read from the file itself, for a libvirt box made from an
 * artifact that does not say (the file builder, artifice): a qcow2 header, else a raw image whose
 * size is the file's.
 */
record DiskImage(String format, long virtualSize) {

    private static final int QCOW_MAGIC = 0x514649fb; // "QFI\xfb"
    private static final int QCOW_SIZE_OFFSET = 24;

    static DiskImage read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(QCOW_SIZE_OFFSET + Long.BYTES); // big-endian, as qcow2
            while (header.hasRemaining() && ch.read(header) >= 0) {
                // a short read is retried; EOF ends the loop
            }
            if (!header.hasRemaining() && header.getInt(0) == QCOW_MAGIC) {
                return new DiskImage("qcow2", header.getLong(QCOW_SIZE_OFFSET));
            }
            return new DiskImage("raw", ch.size());
        }
    }
}
