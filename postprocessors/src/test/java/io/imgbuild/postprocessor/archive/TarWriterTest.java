package io.imgbuild.postprocessor.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.postprocessor.testing.TestData;
import io.imgbuild.testkit.Commands;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarWriterTest {

    @TempDir
    Path dir;

    @Test
    void gnuTarListsAndUnpacksEveryEntryWithItsBytes() throws Exception {
        String longName = "deep/" + "a-directory-with-a-long-name/".repeat(6) + "disk-image-with-a-long-name.qcow2";
        Path big = TestData.file(dir, "in/big.img", 3_000_000, 1);
        Path empty = Files.createFile(dir.resolve("in/empty"));
        Path accents = TestData.file(dir, "in/accents", 1000, 2);
        Path archive = dir.resolve("out.tar.gz");
        AtomicLong progress = new AtomicLong();
        try (TarWriter tar = new TarWriter(Compression.GZIP.open(Files.newOutputStream(archive), 6))) {
            tar.addFile(longName, big, progress::addAndGet);
            tar.addFile("empty", empty, progress::addAndGet);
            tar.addFile("café/naïve.txt", accents, progress::addAndGet);
            tar.addBytes("metadata.json", "{\"provider\":\"libvirt\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(3_001_000, progress.get());
        // GNU tar says nothing but the names (no warning about unknown pax keywords)
        String list = Commands.run(List.of("tar", "-tzf", archive.toString())).orThrow();
        assertEquals(List.of(longName, "empty", "café/naïve.txt", "metadata.json"), list.lines().toList());
        Path out = Files.createDirectory(dir.resolve("x"));
        Commands.run(List.of("tar", "-xzf", archive.toString(), "-C", out.toString())).orThrow();
        assertArrayEquals(Files.readAllBytes(big), Files.readAllBytes(out.resolve(longName)));
        assertEquals(0, Files.size(out.resolve("empty")));
        assertArrayEquals(Files.readAllBytes(accents), Files.readAllBytes(out.resolve("café/naïve.txt")));
        assertEquals("{\"provider\":\"libvirt\"}", Files.readString(out.resolve("metadata.json")));
        String modes = Commands.run(List.of("tar", "-tvzf", archive.toString())).orThrow();
        assertTrue(modes.lines().allMatch(l -> l.startsWith("-rw-r--r-- ")), modes);
    }

    @Test
    void aFileOver8GiBKeepsItsSize() throws Exception {
        long size = 8L * 1024 * 1024 * 1024 + 12345; // past the 8 GiB a classic tar header can hold
        Path sparse = dir.resolve("huge.raw");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(size);
            f.seek(size - 5);
            f.write("tail\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path archive = dir.resolve("huge.tar.zst");
        try (TarWriter tar = new TarWriter(Compression.ZSTD.open(Files.newOutputStream(archive), 1))) {
            tar.addFile("huge.raw", sparse, n -> { });
        }
        // One pass through the 8 GiB: the data to tail, the verbose listing to a file.
        Path listing = dir.resolve("listing");
        String tail = Commands.run(List.of("sh", "-c", "zstd -dc '" + archive + "' | tar -xvvOf - 2>'" + listing
                + "' | tail -c 5"), null, Duration.ofMinutes(5)).orThrow();
        assertTrue(Files.readString(listing).contains(" " + size + " "), Files.readString(listing));
        assertEquals("tail\n", tail);
    }

    @Test
    void aCancelStopsBetweenBuffersAndLeavesNoWorkerThread() throws Exception {
        Path input = TestData.file(dir, "in.img", 8_000_000, 3);
        Cancellation cancel = Cancellation.root();
        AtomicLong seen = new AtomicLong();
        OutputStream file = Files.newOutputStream(dir.resolve("out.tar.gz"));
        CancelledException e = assertThrows(CancelledException.class, () -> {
            try (TarWriter tar = new TarWriter(Compression.GZIP.open(file, 6), cancel)) {
                tar.addFile("in.img", input, n -> {
                    if (seen.addAndGet(n) >= 2_000_000) {
                        cancel.cancel("Ctrl-C");
                    }
                });
            }
        });
        assertEquals("Ctrl-C", e.getMessage());
        assertTrue(seen.get() < 4_000_000, "read " + seen.get() + " bytes after the cancel");
        assertEquals(List.of(), compressionThreads());
    }

    static List<String> compressionThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("imgbuild-gzip") || n.startsWith("imgbuild-bgzf") || n.startsWith("imgbuild-xz"))
                .toList();
    }
}
