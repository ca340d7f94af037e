package io.imgbuild.postprocessor.compress;

import static io.imgbuild.postprocessor.testing.DirectoryAssertions.assertOnlyFinalFilesIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compress post-processor on real files, each archive checked by the format's own tool and
 * unpacked to the same bytes.
 */
class CompressPostProcessorTest {

    @TempDir
    Path dir;
    Path out;
    Path in;
    Path disk;
    Path empty;
    Path nested;

    @BeforeEach
    void inputs() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = Files.createDirectories(dir.resolve("out"));
        disk = TestData.file(in, "output-b/disk.raw", 5_000_000, 1);
        empty = Files.createFile(in.resolve("output-b/empty.txt"));
        nested = TestData.file(in, "output-b/logs/sub/boot.log", 70_000, 2);
    }

    private PostProcessor prepare(String json) {
        var r = PluginConfigs.prepare(new CompressPostProcessorPlugin(), json, dir);
        assertEquals(List.of(), r.errorTexts());
        return r.prepared();
    }

    private PostProcessorResult run(String json, List<Path> files, TestPostProcessorContext ctx) throws Exception {
        return prepare(json).process(ctx, FileArtifact.of("packer.file", files, "test files"));
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource({"tar, 0", "tar.gz, 6", "tgz, 0", "tar.zst, 3", "tar.zst, 0", "tar.xz, 1", "tar.lz4, 0",
        "tar.lz4, 9", "zip, 6", "zip, 0"})
    void multiFileArchivesHoldEveryFileUnderRelativeNames(String ext, int level) throws Exception {
        TestPostProcessorContext ctx = new TestPostProcessorContext(dir, false);
        // A directory (walked) and, listed on its own, a file beside it.
        PostProcessorResult r = run("{\"output\": \"out/a." + ext + "\", \"compression_level\": " + level + "}",
                List.of(in.resolve("output-b/logs"), disk, empty), ctx);
        Path archive = out.resolve("a." + ext);
        assertEquals(List.of(archive), r.artifact().files());
        assertEquals(CompressPostProcessor.BUILDER_ID, r.artifact().builderId());
        assertFalse(r.keepInput(), "Packer removes the input unless keep_input_artifact");

        Path unpacked = Files.createDirectory(dir.resolve("unpacked"));
        List<String> names;
        if (ext.equals("zip")) {
            sh("unzip -t '" + archive + "'");
            names = sh("unzip -Z1 '" + archive + "'").lines().sorted().toList();
            sh("cd '" + unpacked + "' && unzip -q '" + archive + "'");
        } else {
            String decompress = switch (ext) {
                case "tar" -> "cat";
                case "tar.gz", "tgz" -> "gzip -dc";
                case "tar.zst" -> "zstd -dc";
                case "tar.xz" -> "xz -dc";
                case "tar.lz4" -> "lz4 -dc";
                default -> throw new IllegalArgumentException(ext);
            };
            if (!ext.equals("tar")) {
                sh(decompress.replace("-dc", "-t") + " '" + archive + "'");
            }
            names = sh(decompress + " '" + archive + "' | tar -tf -").lines().sorted().toList();
            sh(decompress + " '" + archive + "' | tar -xf - -C '" + unpacked + "'");
        }
        assertEquals(List.of("disk.raw", "empty.txt", "logs/sub/boot.log"), names);
        assertArrayEquals(Files.readAllBytes(disk), Files.readAllBytes(unpacked.resolve("disk.raw")));
        assertArrayEquals(Files.readAllBytes(nested), Files.readAllBytes(unpacked.resolve("logs/sub/boot.log")));
        assertEquals(0, Files.size(unpacked.resolve("empty.txt")));
        if (level == 0 && !ext.startsWith("tar.lz4")) {
            assertTrue(Files.size(archive) > 5_070_000, "level 0 stores: " + Files.size(archive));
        } else if (!ext.equals("tar")) {
            assertTrue(Files.size(archive) < 4_000_000, "compressed to " + Files.size(archive));
        }
        assertTrue(ctx.lines().stream().anyMatch(l -> l.matches(
                "Compressed 4\\.8 MiB to [0-9.]+ [KM]i?B \\(\\d+%\\) in \\d+\\.\\d s, \\d+ MiB/s")), ctx.lines().toString());
        UiEvent.Progress last = ctx.progress().get(ctx.progress().size() - 1);
        assertEquals(5_070_000, last.done());
        assertEquals(5_070_000, last.total());
        assertOnlyFinalFilesIn(out, "a." + ext);
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource({"gz, 6", "gz, 0", "bgzf, 6", "zst, 19", "zst, 0", "xz, 6", "lz4, 0"})
    void aBareCompressedFileHoldsTheOneFile(String ext, int level) throws Exception {
        run("{\"output\": \"out/disk.raw." + ext + "\", \"compression_level\": " + level + "}", List.of(disk),
                new TestPostProcessorContext(dir, false));
        Path archive = out.resolve("disk.raw." + ext);
        String tool = switch (ext) {
            case "gz", "bgzf" -> "gzip";
            case "zst" -> "zstd";
            default -> ext;
        };
        sh(tool + " -t '" + archive + "'");
        sh(tool + " -dc '" + archive + "' > '" + dir.resolve("back") + "'");
        assertArrayEquals(Files.readAllBytes(disk), Files.readAllBytes(dir.resolve("back")));
    }

    @Test
    void anEmptyFileMakesAValidArchive() throws Exception {
        run("{\"output\": \"out/e.gz\"}", List.of(empty), new TestPostProcessorContext(dir, false));
        sh("gzip -t '" + out.resolve("e.gz") + "'");
        assertEquals("", sh("gzip -dc '" + out.resolve("e.gz") + "'"));
    }

    @Test
    void theDefaultNameIsPackersAndRendered() throws Exception {
        run("{}", List.of(disk), new TestPostProcessorContext(out, false));
        Path archive = out.resolve("packer_b_file");
        assertEquals("disk.raw\n", sh("tar -tzf '" + archive + "'"));
    }

    @Test
    void aBareFormatRefusesSeveralFiles() {
        StepFailure e = assertThrows(StepFailure.class, () -> run("{\"output\": \"out/x.gz\"}",
                List.of(disk, nested), new TestPostProcessorContext(dir, false)));
        assertEquals("a .gz file holds exactly one file, but the artifact has 2 (disk.raw, logs/sub/boot.log);"
                + " use .tar.gz to archive them all, or .zip", e.getMessage());
        assertOnlyFinalFilesIn(out);
    }

    @Test
    void anExistingArchiveIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path archive = Files.writeString(out.resolve("a.tar.gz"), "earlier run");
        StepFailure e = assertThrows(StepFailure.class, () -> run("{\"output\": \"out/a.tar.gz\"}", List.of(disk),
                new TestPostProcessorContext(dir, false)));
        assertEquals("the archive " + archive + " already exists; remove it or run with -force", e.getMessage());
        assertEquals("earlier run", Files.readString(archive));

        run("{\"output\": \"out/a.tar.gz\"}", List.of(disk), new TestPostProcessorContext(dir, true));
        assertEquals("disk.raw\n", sh("tar -tzf '" + archive + "'"));
        assertOnlyFinalFilesIn(out, "a.tar.gz");
    }

    @Test
    void aFailureMidWriteLeavesNoFileAndNoThread() throws Exception {
        // The input shrinks while it is being read (the first progress past 0 bytes): a read error mid-way.
        // Big enough (192 MB) that libdeflate on two cores is still at work at the first 200 ms tick.
        Path big = TestData.file(in, "big.raw", 192_000_000, 3);
        TestPostProcessorContext ctx = new TestPostProcessorContext(dir, false).onEvent(ev -> {
            if (ev instanceof UiEvent.Progress p && p.done() > 0 && !p.finished()) {
                truncate(big);
            }
        });
        IOException e = assertThrows(IOException.class, () -> run("{\"output\": \"out/a.tar.gz\", "
                + "\"compression_level\": 9}", List.of(big), ctx));
        assertTrue(e.getMessage().matches(".*big.raw shrank while being read: \\d+ of 192000000 bytes read"),
                e.getMessage());
        assertOnlyFinalFilesIn(out);
        assertEquals(List.of(), compressionThreads());
    }

    @Test
    void aCancelMidWriteLeavesNoFileAndNoThread() throws Exception {
        Path big = TestData.file(in, "big.raw", 192_000_000, 4);
        TestPostProcessorContext ctx = new TestPostProcessorContext(dir, false);
        ctx.onEvent(ev -> {
            if (ev instanceof UiEvent.Progress p && p.done() > 0 && !p.finished()) {
                ctx.cancellation().cancel("Ctrl-C");
            }
        });
        assertThrows(CancelledException.class, () -> run("{\"output\": \"out/a.tar.gz\", \"compression_level\": 9}",
                List.of(big), ctx));
        assertOnlyFinalFilesIn(out);
        assertEquals(List.of(), compressionThreads());
    }

    private static void truncate(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> compressionThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.matches("imgbuild-(gzip|bgzf|xz)-.*")).toList();
    }

    private String sh(String command) throws Exception {
        return Commands.run(List.of("sh", "-c", command), null, Duration.ofMinutes(2)).orThrow();
    }
}
