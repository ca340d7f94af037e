package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file build, then compress: the archive is what gzip and tar read back, and the build's own file
 * is removed (Packer's default) unless keep_input_artifact is true.
 */
class CompressBuildTest {

    private static final String TEMPLATE = """
            {
              "builders": [{"type": "file", "name": "disk", "source": "disk.raw", "target": "out/disk.raw"}],
              "post-processors": [
                {"type": "compress", "output": "out/{{.BuildName}}-{{.BuilderType}}.tar.gz", %s}
              ]
            }
            """;

    @Test
    void theInputIsRemovedByDefault(@TempDir Path dir) throws Exception {
        byte[] disk = build(dir, "\"compression_level\": 6");
        Path archive = dir.resolve("out/disk-file.tar.gz");
        assertEquals("disk.raw\n", Shell.run(dir, "tar", "-tzf", archive.toString()));
        Shell.run(dir, "gzip", "-t", archive.toString());
        assertFalse(Files.exists(dir.resolve("out/disk.raw")), "keep_input_artifact defaults to false, as in Packer");
        Files.createDirectory(dir.resolve("x"));
        Shell.run(dir, "tar", "-xzf", archive.toString(), "-C", "x");
        assertArrayEquals(disk, Files.readAllBytes(dir.resolve("x/disk.raw")));
    }

    @Test
    void keepInputArtifactKeepsIt(@TempDir Path dir) throws Exception {
        byte[] disk = build(dir, "\"keep_input_artifact\": true, \"compression_level\": 0");
        assertArrayEquals(disk, Files.readAllBytes(dir.resolve("out/disk.raw")));
        assertEquals("disk.raw\n", Shell.run(dir, "tar", "-tzf", "out/disk-file.tar.gz"));
    }

    private static byte[] build(Path dir, String options) throws Exception {
        byte[] disk = new byte[3 * 1024 * 1024 + 5];
        Random random = new Random(5);
        for (int i = 0; i < disk.length; i += 4096) {
            disk[i] = (byte) random.nextInt(); // mostly zeros, like a fresh disk image
        }
        Files.write(dir.resolve("disk.raw"), disk);
        Files.writeString(dir.resolve("t.json"), TEMPLATE.formatted(options));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().matches("(?s).*Compressed 3\\.0 MiB to [0-9.]+ [KM]i?B \\(\\d+%\\) in [0-9.]+ s, \\d+ MiB/s.*"),
                r.out());
        return disk;
    }
}
