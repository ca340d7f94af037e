package io.imgbuild.postprocessor.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.postprocessor.testing.TestData;
import io.imgbuild.testkit.Commands;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every algorithm at several levels, on inputs spanning many blocks, one that ends exactly on a block
 * boundary, and an empty one: the standard tool must accept the file and unpack the same bytes.
 */
class CompressionRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} level {1}, {2} bytes, {3} workers")
    @CsvSource({
        "GZIP, 6, 5000000, 2", "GZIP, 1, 5000000, 3", "GZIP, 9, 3000000, 2", "GZIP, 0, 3000000, 2",
        "GZIP, 6, 2097152, 2", "GZIP, 6, 0, 2", "GZIP, 6, 1, 1", "GZIP, 6, 20000, 4",
        "BGZF, 6, 5000000, 2", "BGZF, 0, 3000000, 2", "BGZF, 6, 0, 2", "BGZF, 6, 1044480, 2",
        "ZSTD, 3, 5000000, 2", "ZSTD, 19, 2000000, 2", "ZSTD, 0, 3000000, 2", "ZSTD, 0, 0, 2", "ZSTD, 0, 131072, 2",
        "ZSTD, 3, 0, 2",
        "XZ, 0, 5000000, 2", "XZ, 6, 3000000, 2", "XZ, 0, 0, 2", "XZ, 1, 3145728, 2",
        "LZ4, 0, 5000000, 1", "LZ4, 9, 3000000, 1", "LZ4, 0, 0, 1",
    })
    void theStandardToolAcceptsAndUnpacksTheSameBytes(Compression c, int level, int size, int workers)
            throws Exception {
        byte[] input = TestData.mixed(size, size + level);
        Path file = dir.resolve("data." + tool(c));
        try (OutputStream out = c.open(Files.newOutputStream(file), level, workers)) {
            // uneven writes, as a tar stream makes them
            for (int at = 0; at < input.length; ) {
                int n = Math.min(input.length - at, 1 + (at % 700_000));
                out.write(input, at, n);
                at += n;
            }
        }
        String tool = tool(c);
        Commands.Result test = Commands.run(List.of(tool, "-t", file.toString()), null, Duration.ofMinutes(2));
        assertTrue(test.ok(), tool + " -t: " + test.output());
        Path unpacked = dir.resolve("unpacked");
        Commands.Result unpack = Commands.run(List.of("sh", "-c", tool + " -dc '" + file + "' > '" + unpacked + "'"),
                null, Duration.ofMinutes(2));
        assertTrue(unpack.ok(), tool + " -dc: " + unpack.output());
        assertArrayEquals(input, Files.readAllBytes(unpacked));
        if (level == 0 && c != Compression.XZ && c != Compression.LZ4 && size > 0) {
            assertTrue(Files.size(file) >= size, "level 0 stores: " + Files.size(file) + " < " + size);
        }
        if (level > 0 && size > 1_000_000) {
            assertTrue(Files.size(file) < size * 0.9, "compressed " + size + " to " + Files.size(file));
        }
    }

    /** Already-compressed data (random here) is stored, not deflated; the text around it still shrinks. */
    @org.junit.jupiter.api.Test
    void incompressibleBlocksAreStoredAndTheRestStillShrinks() throws Exception {
        int block = ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE;
        byte[] text = TestData.mixed(block, 1);
        byte[] noise = new byte[2 * block];
        new java.util.Random(2).nextBytes(noise);
        byte[] input = new byte[text.length + noise.length + text.length];
        System.arraycopy(text, 0, input, 0, text.length);
        System.arraycopy(noise, 0, input, text.length, noise.length);
        System.arraycopy(text, 0, input, text.length + noise.length, text.length);
        Path file = dir.resolve("mixed.gz");
        try (OutputStream out = Compression.GZIP.open(Files.newOutputStream(file), 6, 2)) {
            out.write(input);
        }
        Commands.Result test = Commands.run(List.of("gzip", "-t", file.toString()), null, Duration.ofMinutes(2));
        assertTrue(test.ok(), "gzip -t: " + test.output());
        Path unpacked = dir.resolve("unpacked");
        Commands.Result unpack = Commands.run(List.of("sh", "-c", "gzip -dc '" + file + "' > '" + unpacked + "'"),
                null, Duration.ofMinutes(2));
        assertTrue(unpack.ok(), unpack.output());
        assertArrayEquals(input, Files.readAllBytes(unpacked));
        long size = Files.size(file);
        // the noise cannot shrink; the two text blocks must
        assertTrue(size > noise.length && size < noise.length + text.length,
                "valid, and the text still compressed: " + size + " bytes for " + input.length);
        assertTrue(!Incompressible.looksIncompressible(text, text.length), "text is compressible");
        assertTrue(Incompressible.looksIncompressible(noise, block), "noise is not");
    }

    @ParameterizedTest
    @CsvSource({"GZIP", "BGZF"})
    void gzipMembersAreWhatTheFormatSays(Compression c) throws IOException {
        Path file = dir.resolve("x.gz");
        try (OutputStream out = c.open(Files.newOutputStream(file), 6)) {
            out.write(TestData.mixed(3_000_000, 7));
        }
        byte[] b = Files.readAllBytes(file);
        assertEquals(0x1f, b[0] & 0xff);
        assertEquals(0x8b, b[1] & 0xff);
        if (c == Compression.BGZF) {
            byte[] tail = java.util.Arrays.copyOfRange(b, b.length - 28, b.length);
            assertArrayEquals(BgzfOutputStream.EOF_MARKER, tail);
        }
    }

    private static String tool(Compression c) {
        return switch (c) {
            case GZIP, BGZF -> "gzip";
            case ZSTD -> "zstd";
            case XZ -> "xz";
            case LZ4 -> "lz4";
            case NONE -> throw new IllegalArgumentException();
        };
    }
}
