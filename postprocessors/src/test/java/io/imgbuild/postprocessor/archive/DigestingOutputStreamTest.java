package io.imgbuild.postprocessor.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.imgbuild.postprocessor.testing.TestData;
import io.imgbuild.testkit.Commands;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestingOutputStreamTest {

    @TempDir
    Path dir;

    @Test
    void theDigestOfTheWriteIsSha256sumOfTheFile() throws Exception {
        Path input = TestData.file(dir, "in.img", 2_500_000, 4);
        Path box = dir.resolve("t.box");
        DigestingOutputStream digest = new DigestingOutputStream(Files.newOutputStream(box));
        try (TarWriter tar = new TarWriter(Compression.GZIP.open(digest, 6))) {
            tar.addFile("box.img", input, n -> { });
        }
        String expected = Commands.run(List.of("sha256sum", box.toString())).orThrow().split(" ")[0];
        assertEquals(expected, digest.sha256Hex());
        assertEquals(Files.size(box), digest.bytes());
    }

    @Test
    void writingAfterTheDigestIsAnError() throws Exception {
        try (DigestingOutputStream d = new DigestingOutputStream(OutputStream.nullOutputStream())) {
            d.write(new byte[] {1, 2, 3});
            assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", d.sha256Hex());
            assertThrows(IllegalStateException.class, () -> d.write(4));
        }
    }
}
