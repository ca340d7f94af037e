package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiskImagesTest {

    @Test
    void sizesFollowPackerAndQemuImg() {
        assertEquals(20480L << 20, DiskImages.bytes(20480), "a bare number is MiB");
        assertEquals(40960L << 20, DiskImages.bytes("40960M"));
        assertEquals(10L << 30, DiskImages.bytes("10G"));
        assertEquals(1536L << 20, DiskImages.bytes("1.5G"));
        assertEquals(512, DiskImages.bytes("512b"));
        assertEquals(4L << 10, DiskImages.bytes("4k"));
        assertEquals(100L << 20, DiskImages.bytes("100"), "a number in a string is MiB too");
        assertThrows(IllegalArgumentException.class, () -> DiskImages.bytes("ten gigs"));
    }
}
