package io.imgbuild.postprocessor.vagrant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A disk image's format, virtual size and backing file read from the file itself: a qcow2 header,
 * else a raw image whose size is the file's. The size and format serve a libvirt box made from an
 * artifact that does not say (the file builder, artifice); the backing file tells a disk that is
 * not whole (use_backing_file).
 *
 * @param backingFile the qcow2's backing file name as written in it; null when it has none
 */
record DiskImage(String format, long virtualSize, String backingFile) {

    private static final int QCOW_MAGIC = 0x514649fb; // "QFI\xfb"
    private static final int QCOW_BACKING_OFFSET = 8; // u64 offset of the name, then u32 its length
    private static final int QCOW_SIZE_OFFSET = 24;
    /** qemu's limit on a backing file name. */
    private static final int MAX_BACKING_NAME = 1023;

    static DiskImage read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = readAt(ch, 0, QCOW_SIZE_OFFSET + Long.BYTES); // big-endian, as qcow2
            if (header.limit() < QCOW_SIZE_OFFSET + Long.BYTES || header.getInt(0) != QCOW_MAGIC) {
                return new DiskImage("raw", ch.size(), null);
            }
            long nameAt = header.getLong(QCOW_BACKING_OFFSET);
            int nameLength = header.getInt(QCOW_BACKING_OFFSET + Long.BYTES);
            String backing = null;
            if (nameAt > 0 && nameLength > 0 && nameLength <= MAX_BACKING_NAME) {
                ByteBuffer name = readAt(ch, nameAt, nameLength);
                backing = new String(name.array(), 0, name.limit(), StandardCharsets.UTF_8);
            }
            return new DiskImage("qcow2", header.getLong(QCOW_SIZE_OFFSET), backing);
        }
    }

    /** Up to {@code length} bytes from {@code position}; fewer at the end of the file. */
    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining() && ch.read(b, position + b.position()) >= 0) {
            // a short read is retried; EOF ends the loop
        }
        return b.flip();
    }
}
