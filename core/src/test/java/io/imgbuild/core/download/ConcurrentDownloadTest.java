package io.imgbuild.core.download;

import static io.imgbuild.core.download.DownloadFixture.bytes;
import static io.imgbuild.core.download.DownloadFixture.iso;
import static io.imgbuild.core.download.DownloadFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two builds after the same ISO: one downloads, the other waits and then uses the cached file. */
@Timeout(60)
class ConcurrentDownloadTest {

    private static final byte[] ISO = bytes(4 << 20, 13);
    private static final String WAITING = "MESSAGE Waiting for another build that is downloading to ";

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();

    @Test
    void twoBuildsGetOneRequestAndOneGoodFile() throws Exception {
        f.route("/ubuntu.iso", ex -> {
            // Hold the body back until the other build is known to wait, so the two really overlap.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (f.lines.stream().noneMatch(l -> l.startsWith(WAITING)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            ex.sendResponseHeaders(200, ISO.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(ISO);
            }
        });
        DownloadRequest request = iso("sha256:" + sha256(ISO), f.url("/ubuntu.iso"));
        ExecutorService builds = Executors.newFixedThreadPool(2);
        Path first;
        Path second;
        try {
            Future<Path> a = builds.submit(() -> f.downloader().fetch(request, f.ui, f.cancellation));
            Future<Path> b = builds.submit(() -> f.downloader().fetch(request, f.ui, f.cancellation));
            first = a.get();
            second = b.get();
        } finally {
            builds.shutdownNow();
        }

        assertEquals(first, second);
        assertArrayEquals(ISO, Files.readAllBytes(first));
        assertEquals(1, f.count("GET /ubuntu.iso"), f.requests::toString);
        assertTrue(f.lines.contains(WAITING + first), f.lines::toString);
        assertTrue(f.lines.contains("MESSAGE Using cached ISO " + first), f.lines::toString);
    }
}
