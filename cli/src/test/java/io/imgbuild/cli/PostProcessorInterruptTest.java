package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliProcess;
import io.imgbuild.core.run.ExitCodes;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while a post-processor writes: the box or archive never appears at its final path, no
 * temporary file is left next to it, and the build's input artifact is still there (it is removed
 * only after a post-processor succeeds).
 */
@Timeout(180)
class PostProcessorInterruptTest {

    /** Incompressible, so compressing it takes seconds: time enough to interrupt. */
    private static void writeRandom(Path file, long bytes) throws Exception {
        Random random = new Random(42);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static void interruptWhileWriting(Path dir, String postProcessor, String shown, Path finalPath)
            throws Exception {
        writeRandom(dir.resolve("disk.raw"), 512L << 20);
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "file", "name": "disk", "source": "disk.raw", "target": "out/disk.raw"}],
                 "post-processors": [%s]}
                """.formatted(postProcessor));
        try (CliProcess p = CliProcess.start(dir, Map.of(), "build", "t.json")) {
            p.awaitOutput(shown, Duration.ofSeconds(60));
            Thread.sleep(300); // into the write
            p.interrupt();
            int code = p.waitFor(Duration.ofSeconds(60));
            assertEquals(ExitCodes.INTERRUPTED, code, p.out() + p.err());
        }
        assertFalse(Files.exists(finalPath), "nothing at the final path " + finalPath);
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            List<String> left = s.map(x -> x.getFileName().toString()).toList();
            assertEquals(List.of("disk.raw"), left, "only the input artifact is left, no temporary file");
        }
    }

    @Test
    void ctrlCWhileCompressingLeavesNoArchive(@TempDir Path dir) throws Exception {
        interruptWhileWriting(dir, "{\"type\": \"compress\", \"output\": \"out/disk.tar.xz\", \"compression_level\": 6}",
                "Compressing 1 file(s) into", dir.resolve("out/disk.tar.xz"));
    }

    @Test
    void ctrlCWhileWritingAVagrantBoxLeavesNoBox(@TempDir Path dir) throws Exception {
        interruptWhileWriting(dir, "{\"type\": \"vagrant\", \"provider_override\": \"libvirt\","
                + " \"output\": \"out/disk.box\", \"compression_level\": 9}",
                "Creating a Vagrant box", dir.resolve("out/disk.box"));
    }
}
