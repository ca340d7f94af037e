package io.imgbuild.core.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.OnError;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepGate;
import io.imgbuild.core.step.StepOutcome;
import io.imgbuild.core.step.StepRunner;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ctrl-C in the middle of a slow, large transfer: it stops at once and leaves no temporary file. */
@Timeout(60)
class CancelDownloadTest {

    private static final String CHECKSUM = "sha256:" + "0".repeat(64);

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();

    @BeforeEach
    void start() {
        int chunk = 64 * 1024;
        long size = 1L << 30; // would take minutes at this pace
        f.route("/big.iso", ex -> {
            ex.sendResponseHeaders(200, size);
            try (OutputStream out = ex.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk) {
                    out.write(new byte[chunk]);
                    out.flush();
                    Thread.sleep(5);
                }
            }
        });
    }

    /** Cancels once the temporary file has been written to for a while. */
    private Thread ctrlCDuringTheTransfer() {
        Thread t = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (temporaryFiles().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10); // never a hang: without a file, cancel anyway and let the asserts say why
                }
                Thread.sleep(300);
                f.cancellation.cancel("interrupted by the user");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void theStepEndsCancelledPromptlyWithNoTemporaryFile() throws Exception {
        StepContext ctx = f.context();
        Thread ctrlC = ctrlCDuringTheTransfer();

        long t0 = System.nanoTime();
        StepOutcome outcome = new StepRunner(List.of(new DownloadStep(DownloadFixture.iso(CHECKSUM, f.url("/big.iso")),
                DownloadKeys.ISO_PATH)), OnError.CLEANUP, false, StepGate.NONE).run(ctx);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        ctrlC.join();

        assertEquals(StepOutcome.Result.CANCELLED, outcome.result());
        assertTrue(took.toSeconds() < 10, "took " + took);
        assertEquals(List.of("packer_cache/" + DownloadCacheTest.sha1(CHECKSUM) + ".iso.lock"), f.files(),
                "only the lock file, which Packer also leaves");
        assertFalse(ctx.state().has(DownloadKeys.ISO_PATH));
    }

    @Test
    void withoutTheStepRunnersInterruptTheCancelStillWakesTheBlockedRead() throws Exception {
        Thread ctrlC = ctrlCDuringTheTransfer();

        long t0 = System.nanoTime();
        assertThrows(CancelledException.class, () -> f.downloader().fetch(DownloadFixture.iso(CHECKSUM,
                f.url("/big.iso")), f.ui, f.cancellation));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        ctrlC.join();

        assertTrue(took.toSeconds() < 10, "took " + took);
        assertEquals(List.of(), temporaryFiles());
    }

    private List<Path> temporaryFiles() throws Exception {
        if (!Files.isDirectory(f.cacheDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(f.cacheDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".imgbuild-tmp")).toList();
        }
    }
}
