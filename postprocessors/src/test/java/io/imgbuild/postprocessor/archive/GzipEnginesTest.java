package io.imgbuild.postprocessor.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.postprocessor.testing.TestData;
import io.imgbuild.testkit.Commands;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both gzip engines: libdeflate (a member per block) and the JDK's zlib (one member, pigz-style).
 * Each must be one gzip file to gzip itself and to Java's reader, byte for byte.
 */
class GzipEnginesTest {

    @TempDir
    Path dir;

    @Test
    void libdeflateIsWhatGzipUsesHere() {
        // scripts/setup installs libdeflate0; without it gzip would silently run at half speed
        assertNotNull(Libdeflate.get(), "libdeflate0 is installed, so gzip uses it");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void eachEngineWritesGzipThatGzipAndJavaReadBack(boolean libdeflate) throws Exception {
        byte[] input = TestData.mixed(3 * ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE + 12345, 11);
        Path file = dir.resolve("x.gz");
        try (OutputStream out = Compression.gzip(Files.newOutputStream(file), 6, 2, libdeflate ? Libdeflate.get() : null)) {
            out.write(input);
        }
        assertTrue(Files.size(file) < input.length * 0.9, "it compressed: " + Files.size(file));
        Commands.Result test = Commands.run(List.of("gzip", "-t", file.toString()), null, Duration.ofMinutes(2));
        assertTrue(test.ok(), "gzip -t: " + test.output());
        Path unpacked = dir.resolve("unpacked");
        Commands.Result unpack = Commands.run(List.of("sh", "-c", "gzip -dc '" + file + "' > '" + unpacked + "'"),
                null, Duration.ofMinutes(2));
        assertTrue(unpack.ok(), unpack.output());
        assertArrayEquals(input, Files.readAllBytes(unpacked), "gzip -dc");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertArrayEquals(input, in.readAllBytes(), "java.util.zip reads every member");
        }
    }

    @Test
    void anEmptyInputIsOneEmptyMember() throws Exception {
        Path file = dir.resolve("empty.gz");
        Compression.gzip(Files.newOutputStream(file), 6, 1, Libdeflate.get()).close();
        Commands.Result test = Commands.run(List.of("gzip", "-t", file.toString()), null, Duration.ofMinutes(1));
        assertTrue(test.ok(), "gzip -t: " + test.output());
        assertTrue(Files.size(file) > 0 && Files.size(file) < 32, "one empty member: " + Files.size(file));
    }
}
