package io.imgbuild.postprocessor.checksum;

import static io.imgbuild.postprocessor.testing.DirectoryAssertions.assertOnlyFinalFilesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.UiEvent;
import io.imgbuild.postprocessor.testing.TestData;
import io.imgbuild.postprocessor.testing.TestPostProcessorContext;
import io.imgbuild.testkit.Commands;
import io.imgbuild.testkit.PluginConfigs;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum post-processor on real files: its files are byte for byte what {@code sha256sum} and
 * {@code md5sum} print for the same files, an existing one is replaced only with -force, and a cancel
 * while hashing leaves nothing behind.
 */
class ChecksumPostProcessorTest {

    @TempDir
    Path dir;
    Path disk;
    Path log;
    Path sums;

    @BeforeEach
    void inputs() throws IOException {
        disk = TestData.file(dir, "output-b/disk.raw", 5_000_000, 1);
        log = TestData.file(dir, "output-b/logs/boot.log", 70_000, 2);
        sums = Files.createDirectories(dir.resolve("sums"));
    }

    private PostProcessorResult run(String json, List<Path> files, TestPostProcessorContext ctx) throws Exception {
        var prepared = PluginConfigs.prepare(new ChecksumPostProcessorPlugin(), json, dir);
        assertEquals(List.of(), prepared.errorTexts());
        PostProcessor pp = prepared.prepared();
        return pp.process(ctx, FileArtifact.of("packer.file", files, "test files"));
    }

    @Test
    void eachFileIsWhatSha256sumAndMd5sumPrintForTheSameFiles() throws Exception {
        PostProcessorResult r = run("{\"checksum_types\": [\"sha256\", \"md5\"], \"output\": \"sums/{{.ChecksumType}}.txt\"}",
                List.of(disk, log), new TestPostProcessorContext(dir, false));

        // Paths are relative to the checksum file, so the tools run from its directory.
        String files = " ../output-b/disk.raw ../output-b/logs/boot.log";
        assertEquals(sh("cd '" + sums + "' && sha256sum" + files), Files.readString(sums.resolve("sha256.txt")));
        assertEquals(sh("cd '" + sums + "' && md5sum" + files), Files.readString(sums.resolve("md5.txt")));
        assertTrue(sh("cd '" + sums + "' && sha256sum -c sha256.txt && md5sum -c md5.txt").contains("boot.log: OK"));
        assertEquals(List.of(disk, log, sums.resolve("sha256.txt"), sums.resolve("md5.txt")), r.artifact().files());
        assertOnlyFinalFilesIn(sums, "md5.txt", "sha256.txt");
    }

    @Test
    void anExistingChecksumFileIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path earlier = Files.writeString(sums.resolve("SHA256SUMS"), "earlier run\n");
        StepFailure e = assertThrows(StepFailure.class, () -> run("{\"output\": \"sums/SHA256SUMS\"}", List.of(disk),
                new TestPostProcessorContext(dir, false)));
        assertEquals("checksum file " + earlier + " already exists; remove it or run with -force", e.getMessage());
        assertEquals("earlier run\n", Files.readString(earlier));

        run("{\"output\": \"sums/SHA256SUMS\"}", List.of(disk), new TestPostProcessorContext(dir, true));
        assertEquals(sh("cd '" + sums + "' && sha256sum ../output-b/disk.raw"), Files.readString(earlier));
        assertOnlyFinalFilesIn(sums, "SHA256SUMS");
    }

    @Test
    void aCancelWhileHashingLeavesNoChecksumFileAndNoTemporaryFile() throws Exception {
        // 512 MiB of holes: no disk space, and three digests over it take seconds, well past the
        // progress bar's first 200 ms tick, where the test presses Ctrl-C. disk.raw, hashed first
        // and complete, must not get a checksum file either.
        Path big = dir.resolve("output-b/big.raw");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(512L << 20);
        }
        TestPostProcessorContext ctx = new TestPostProcessorContext(dir, false);
        ctx.onEvent(ev -> {
            if (ev instanceof UiEvent.Progress p && p.label().equals("Hashing big.raw") && p.done() > 0
                    && !p.finished()) {
                ctx.cancellation().cancel("Ctrl-C");
            }
        });
        assertThrows(CancelledException.class, () -> run("{\"checksum_types\": [\"md5\", \"sha256\", \"sha512\"],"
                + " \"output\": \"sums/{{.ChecksumType}}.txt\"}", List.of(disk, big), ctx));

        UiEvent.Progress last = ctx.progress().get(ctx.progress().size() - 1);
        assertEquals("Hashing big.raw", last.label());
        assertTrue(last.done() < last.total(), "stopped mid-file: " + last.done() + " of " + last.total());
        assertOnlyFinalFilesIn(sums);
        assertOnlyFinalFilesIn(dir, "output-b", "sums");
        assertOnlyFinalFilesIn(dir.resolve("output-b"), "big.raw", "disk.raw", "logs");
    }

    private static String sh(String command) throws Exception {
        return Commands.run(List.of("sh", "-c", command), null, Duration.ofMinutes(2)).orThrow();
    }
}
