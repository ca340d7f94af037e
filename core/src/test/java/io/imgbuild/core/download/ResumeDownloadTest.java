package io.imgbuild.core.download;

import static io.imgbuild.core.download.DownloadFixture.bytes;
import static io.imgbuild.core.download.DownloadFixture.iso;
import static io.imgbuild.core.download.DownloadFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection that breaks in the middle of the file: resumed with a Range request when the server allows it. */
@Timeout(30)
class ResumeDownloadTest {

    private static final byte[] ISO = bytes(2 << 20, 23);
    private static final int BREAK_AT = 700_000;

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();
    /** "Range If-Range" of each GET, "-" for a missing header. */
    private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());

    /** Serves the ISO, breaking the first response after {@code BREAK_AT} bytes; ranges as the headers allow. */
    private void serveBreakingOnce(boolean acceptRanges, String etag, String etagOnResume) {
        f.route("/ubuntu.iso", ex -> {
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add((range == null ? "-" : range) + " " + header(ex, "If-Range"));
            if (acceptRanges) {
                ex.getResponseHeaders().add("Accept-Ranges", "bytes");
            }
            if (range == null) {
                ex.getResponseHeaders().add("ETag", etag);
                ex.sendResponseHeaders(200, ISO.length);
                OutputStream out = ex.getResponseBody();
                out.write(ISO, 0, BREAK_AT);
                out.flush();
                throw new IOException("the connection breaks"); // the exchange closes short: the client sees it end
            }
            int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            ex.getResponseHeaders().add("ETag", etagOnResume);
            if (!etagOnResume.equals(header(ex, "If-Range"))) {
                ex.sendResponseHeaders(200, ISO.length);
                ex.getResponseBody().write(ISO);
                return;
            }
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (ISO.length - 1) + "/" + ISO.length);
            ex.sendResponseHeaders(206, ISO.length - from);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(ISO, from, ISO.length - from);
            }
        });
    }

    private static String header(HttpExchange ex, String name) {
        String v = ex.getRequestHeaders().getFirst(name);
        return v == null ? "-" : v;
    }

    private Path fetch() throws Exception {
        return f.downloader().fetch(iso("sha256:" + sha256(ISO), f.url("/ubuntu.iso")), f.ui, f.cancellation);
    }

    @Test
    void aBrokenDownloadGoesOnWhereItStopped() throws Exception {
        serveBreakingOnce(true, "\"v1\"", "\"v1\"");

        Path got = fetch();

        assertArrayEquals(ISO, Files.readAllBytes(got));
        // The server wrote BREAK_AT bytes before breaking; how many of them reach the client before the
        // close depends on the kernel, so the resume starts somewhere after 0 and at most there.
        assertEquals(2, ranges.size(), ranges::toString);
        assertEquals("- -", ranges.get(0));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=([0-9]+)- \"v1\"").matcher(ranges.get(1));
        assertTrue(m.matches(), ranges::toString);
        long from = Long.parseLong(m.group(1));
        assertTrue(from > 0 && from <= BREAK_AT, "resumed from " + from);
        String resumed = "MESSAGE Resuming after " + io.imgbuild.core.util.Sizes.bytes(from) + ": the connection to " + f.url("").substring(7)
                + " broke during the download (closed)";
        assertTrue(f.lines.contains(resumed), () -> resumed + " not in " + f.lines);
    }

    @Test
    void aServerWithoutRangesMakesItAFailureThatLeavesNothing() throws Exception {
        serveBreakingOnce(false, "\"v1\"", "\"v1\"");

        StepFailure e = assertThrows(StepFailure.class, this::fetch);

        String prefix = "could not get the ISO (iso_url): " + f.url("/ubuntu.iso") + ": the connection to "
                + f.url("").substring("http://".length()) + " broke during the download (closed) (after ";
        assertTrue(e.getMessage().startsWith(prefix) && e.getMessage().endsWith(" KiB of 2.0 MiB)"), e.getMessage());
        assertEquals(List.of("- -"), ranges);
        assertEquals(List.of("packer_cache/" + DownloadCacheTest.sha1("sha256:" + sha256(ISO)) + ".iso.lock"), f.files(),
                "only the lock");
    }

    @Test
    void aFileThatChangedInTheMeantimeIsNotStitchedTogether() throws Exception {
        serveBreakingOnce(true, "\"v1\"", "\"v2\"");

        StepFailure e = assertThrows(StepFailure.class, this::fetch);

        assertTrue(e.getMessage().endsWith(": the file changed on the server during the download; try again"),
                e.getMessage());
        assertEquals(List.of("packer_cache/" + DownloadCacheTest.sha1("sha256:" + sha256(ISO)) + ".iso.lock"), f.files(),
                "only the lock");
    }
}
