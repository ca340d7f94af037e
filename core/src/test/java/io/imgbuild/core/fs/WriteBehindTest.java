package io.imgbuild.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {

    @Test
    void aBigFileIsFlushedWhileWrittenAndKeepsItsBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.bin");
        byte[] chunk = new byte[1 << 20];
        new Random(7).nextBytes(chunk);
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        int chunks = 3 * WriteBehind.EVERY_MIB;
        WriteBehind out = WriteBehind.newOutputStream(file);
        try (out) {
            for (int i = 0; i < chunks; i++) {
                chunk[0] = (byte) i; // every chunk different, so a misplaced one shows in the hash
                out.write(chunk, 0, chunk.length);
                written.update(chunk);
            }
        }
        assertTrue(out.flushesStarted() >= 1, "no background flush started for " + chunks + " MiB");
        assertEquals((long) chunks << 20, Files.size(file));
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                read.update(buf, 0, n);
            }
        }
        assertArrayEquals(written.digest(), read.digest());
    }

    @Test
    void aSmallFileReplacesWhatWasThereWithoutAFlush(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.txt");
        Files.writeString(file, "an older and longer content");
        WriteBehind out = WriteBehind.newOutputStream(file);
        try (out) {
            out.write('h');
            out.write("ello".getBytes(), 0, 4);
        }
        assertEquals(0, out.flushesStarted());
        assertEquals("hello", Files.readString(file));
    }
}
