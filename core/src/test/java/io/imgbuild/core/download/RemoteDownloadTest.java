package io.imgbuild.core.download;

import static io.imgbuild.core.download.DownloadFixture.bytes;
import static io.imgbuild.core.download.DownloadFixture.iso;
import static io.imgbuild.core.download.DownloadFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.UiEvent;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Downloads over HTTP into the cache: verification, cache hits, fallbacks and what failures say. */
@Timeout(30)
class RemoteDownloadTest {

    private static final byte[] ISO = bytes(3 << 20, 1);
    private static final String SHA = "sha256:" + sha256(ISO);
    /** The name Packer 1.6 gives this ISO in its cache (the naming is checked against sha1sum in DownloadCacheTest). */
    private static final String CACHE_NAME = DownloadCacheTest.sha1(SHA) + ".iso";

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();

    /** Serves the ISO at /ubuntu.iso; returns its URL. */
    private String served() {
        f.serve("/ubuntu.iso", ISO);
        return f.url("/ubuntu.iso");
    }

    @Test
    void downloadsVerifiesAndThenUsesTheCacheWithoutAskingTheServer() throws Exception {
        String url = served();
        DownloadRequest request = iso(SHA, url);

        Path first = f.downloader().fetch(request, f.ui, f.cancellation);
        assertEquals(f.cacheDir.resolve(CACHE_NAME), first);
        assertArrayEquals(ISO, Files.readAllBytes(first));
        assertEquals(List.of("packer_cache/" + CACHE_NAME, "packer_cache/" + CACHE_NAME + ".lock"), f.files());
        UiEvent.Progress done = f.progress.get(f.progress.size() - 1);
        assertEquals("Downloading ubuntu.iso", done.label());
        assertEquals(ISO.length, done.total());
        assertEquals(ISO.length, done.done());
        assertTrue(done.finished());

        f.lines.clear();
        Path second = f.downloader().fetch(request, f.ui, f.cancellation);
        assertEquals(first, second);
        assertEquals(List.of("GET /ubuntu.iso"), f.requests);
        assertEquals(List.of("MESSAGE Trying " + url, "MESSAGE Using cached ISO " + second), f.lines);
    }

    @Test
    void aCachedFileThatNoLongerMatchesIsDownloadedAgain() throws Exception {
        String url = served();
        Files.createDirectories(f.cacheDir);
        Files.write(f.cacheDir.resolve(CACHE_NAME), bytes(1000, 2)); // a damaged copy

        Path got = f.downloader().fetch(iso(SHA, url), f.ui, f.cancellation);

        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(List.of("GET /ubuntu.iso"), f.requests);
        assertTrue(f.lines.contains("MESSAGE The cached ISO " + got + " does not match the checksum: downloading it"
                + " again"), f.lines::toString);
    }

    @Test
    void theNextUrlIsTriedAfterA404() throws Exception {
        f.status("/old/ubuntu.iso", 404);
        f.serve("/mirror/ubuntu.iso", ISO);

        Path got = f.downloader().fetch(iso(SHA, f.url("/old/ubuntu.iso"), f.url("/mirror/ubuntu.iso")), f.ui,
                f.cancellation);

        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(List.of("GET /old/ubuntu.iso", "GET /mirror/ubuntu.iso"), f.requests);
        assertTrue(f.lines.contains("MESSAGE Failed: HTTP 404 Not Found: the file is not at this URL (old releases often"
                + " move to an archive)"), f.lines::toString);
    }

    @Test
    void whenNoUrlWorksTheErrorNamesEachWithItsReason() throws Exception {
        f.status("/gone.iso", 404);
        f.status("/broken.iso", 503);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + closedPort + "/x.iso";

        StepFailure e = assertThrows(StepFailure.class, () -> f.downloader().fetch(iso(SHA, f.url("/gone.iso"),
                f.url("/broken.iso"), refused), f.ui, f.cancellation));

        String message = e.getMessage().replace("(connection refused)", "(refused or unreachable)"); // newer JDKs say
        assertEquals("could not get the ISO from any of the 3 places in iso_urls:\n"
                + "  " + f.url("/gone.iso") + ": HTTP 404 Not Found: the file is not at this URL (old releases often"
                + " move to an archive)\n"
                + "  " + f.url("/broken.iso") + ": HTTP 503 Service Unavailable: the server failed; try again later or"
                + " use another mirror\n"
                + "  " + refused + ": cannot connect to 127.0.0.1:" + closedPort + " (refused or unreachable): check"
                + " the URL and the network", message);
        assertEquals(List.of("packer_cache/" + CACHE_NAME + ".lock"), f.files(), "only the lock: nothing was cached");
    }

    @Test
    void anUnknownHostIsSaidSo() {

        StepFailure e = assertThrows(StepFailure.class, () -> f.downloader().fetch(iso(SHA,
                "http://no-such-host.invalid/x.iso"), f.ui, f.cancellation));

        assertEquals("could not get the ISO (iso_url): http://no-such-host.invalid/x.iso: unknown host"
                + " \"no-such-host.invalid\": check the URL and the DNS settings", e.getMessage());
    }

    @Test
    void aChecksumMismatchSaysBothHashesAndLeavesNothingInTheCache() throws Exception {
        String url = served();
        String wrong = "sha256:" + "ab".repeat(32);

        StepFailure e = assertThrows(StepFailure.class, () -> f.downloader().fetch(iso(wrong, url), f.ui,
                f.cancellation));

        assertEquals("could not get the ISO (iso_url): " + url + ": the file at " + url + " changed or the checksum"
                + " is wrong: expected sha256 " + "ab".repeat(32) + ", got " + sha256(ISO) + "; check iso_checksum"
                + " against the publisher's checksum list (nothing was cached)", e.getMessage());
        String name = DownloadCacheTest.sha1(wrong) + ".iso";
        assertEquals(List.of("packer_cache/" + name + ".lock"), f.files());
    }

    @Test
    void redirectsAreFollowed() throws Exception {
        f.route("/latest.iso", ex -> {
            ex.getResponseHeaders().add("Location", "/releases/24.04.iso");
            ex.sendResponseHeaders(302, -1);
        });
        f.serve("/releases/24.04.iso", ISO);

        Path got = f.downloader().fetch(iso(SHA, f.url("/latest.iso")), f.ui, f.cancellation);

        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(List.of("GET /latest.iso", "GET /releases/24.04.iso"), f.requests);
    }

    @Test
    void checksumNoneDownloadsWithOneWarningAndReusesTheCacheWhileTheServerReportsTheSameSize() throws Exception {
        String url = served();

        Path got = f.downloader().fetch(iso("none", url), f.ui, f.cancellation);

        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(f.cacheDir.resolve(DownloadCacheTest.sha1(url) + ".iso"), got);
        assertEquals(1, f.lines.stream().filter(l -> l.equals("ERROR Warning: iso_checksum is none: the ISO will not be"
                + " verified")).count(), f.lines::toString);

        Path again = f.downloader().fetch(iso("none", url), f.ui, f.cancellation);
        assertEquals(got, again);
        assertEquals(List.of("GET /ubuntu.iso", "HEAD /ubuntu.iso"), f.requests);
        assertTrue(f.lines.contains("MESSAGE Using cached ISO " + got + " (checksum none: only its size was compared"
                + " with the server's)"), f.lines::toString);
    }

    @Test
    void checksumNoneDownloadsAgainWhenTheServerReportsAnotherSize() throws Exception {
        String url = served();
        Path cached = f.cacheDir.resolve(DownloadCacheTest.sha1(url) + ".iso");
        Files.createDirectories(f.cacheDir);
        Files.write(cached, bytes(10, 3));

        Path got = f.downloader().fetch(iso("none", url), f.ui, f.cancellation);

        assertEquals(cached, got);
        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(List.of("HEAD /ubuntu.iso", "GET /ubuntu.iso"), f.requests);
    }

    @Test
    void isoTargetPathWithAnExtensionIsTheFileItself() throws Exception {
        DownloadRequest request = new DownloadRequest("ISO", List.of(served()), SHA, "isos/ubuntu.iso",
                "iso", "iso_url", "iso_checksum");

        Path got = f.downloader().fetch(request, f.ui, f.cancellation);

        assertEquals(f.workingDir.resolve("isos/ubuntu.iso"), got);
        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(got, f.downloader().fetch(request, f.ui, f.cancellation));
        assertEquals(List.of("GET /ubuntu.iso"), f.requests);
    }

    @Test
    void isoTargetPathWithoutAnExtensionIsADirectoryForTheCacheName() throws Exception {
        f.serve("/disk.qcow2", ISO);
        DownloadRequest request = new DownloadRequest("ISO", List.of(f.url("/disk.qcow2")), SHA, "images", "qcow2",
                "iso_url", "iso_checksum");

        Path got = f.downloader().fetch(request, f.ui, f.cancellation);

        assertEquals(f.workingDir.resolve("images").resolve(DownloadCacheTest.sha1(SHA) + ".qcow2"), got);
        assertArrayEquals(ISO, Files.readAllBytes(got));
    }
}
