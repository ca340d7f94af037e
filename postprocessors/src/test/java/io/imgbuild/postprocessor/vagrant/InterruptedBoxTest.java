package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.ui.UiEvent;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancel or a failure while the box is being written leaves no box and no temporary file. */
class InterruptedBoxTest {

    @TempDir
    Path dir;

    /**
     * 192 MiB that gzip cannot shrink, so the write lasts long enough to be caught moving: libdeflate
     * on two cores got through 48 MiB before the progress bar's first 200 ms tick.
     */
    private Path bigDisk() throws IOException {
        Path f = dir.resolve("big.raw");
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int i = 0; i < 192; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return f;
    }

    private static boolean moving(UiEvent e) {
        return e instanceof UiEvent.Progress p && p.done() > 0 && !p.finished();
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCancelMidWriteLeavesNothing() throws Exception {
        Path disk = bigDisk();
        Runs runs = new Runs(dir);
        runs.onEvent(e -> {
            if (moving(e)) {
                runs.cancellation.cancel("interrupted by the test");
            }
        });
        assertThrows(CancelledException.class, () -> runs.run("{\"provider_override\": \"libvirt\", \"output\":"
                + " \"c.box\", \"compression_level\": 9}", FileArtifact.of("packer.file", List.of(disk), "disk")));
        assertEquals(List.of("big.raw"), files());
    }

    @Test
    void aFailureMidWriteLeavesNothing() throws Exception {
        Path disk = bigDisk();
        Runs runs = new Runs(dir);
        runs.onEvent(e -> {
            if (moving(e)) {
                try (FileChannel ch = FileChannel.open(disk, StandardOpenOption.WRITE)) {
                    ch.truncate(1 << 20); // the disk shrinks under the writer
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }
        });
        assertThrows(EOFException.class, () -> runs.run("{\"provider_override\": \"libvirt\", \"output\": \"f.box\","
                + " \"compression_level\": 9}", FileArtifact.of("packer.file", List.of(disk), "disk")));
        assertEquals(List.of("big.raw"), files());
    }
}
