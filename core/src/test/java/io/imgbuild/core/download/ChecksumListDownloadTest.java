package io.imgbuild.core.download;

import static io.imgbuild.core.download.DownloadFixture.bytes;
import static io.imgbuild.core.download.DownloadFixture.iso;
import static io.imgbuild.core.download.DownloadFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.imgbuild.core.step.StepFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code file:} checksums: the list is fetched (HTTP or local) and the ISO's line is used. */
@Timeout(30)
class ChecksumListDownloadTest {

    private static final byte[] ISO = bytes(1 << 20, 7);
    private static final String LIST = "# release 24.04\n"
            + sha256(bytes(10, 8)) + " *ubuntu-24.04-desktop-amd64.iso\n"
            + sha256(ISO) + " *ubuntu-24.04-live-server-amd64.iso\n";

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();

    @BeforeEach
    void start() {
        f.serve("/24.04/ubuntu-24.04-live-server-amd64.iso", ISO);
    }

    private Path fetch(String checksum) throws Exception {
        return f.downloader().fetch(iso(checksum, f.url("/24.04/ubuntu-24.04-live-server-amd64.iso")), f.ui,
                f.cancellation);
    }

    @Test
    void aListOverHttpGivesTheLineForTheIsosName() throws Exception {
        f.serve("/24.04/SHA256SUMS", LIST.getBytes(StandardCharsets.UTF_8));

        Path got = fetch("file:" + f.url("/24.04/SHA256SUMS"));

        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(List.of("GET /24.04/SHA256SUMS", "GET /24.04/ubuntu-24.04-live-server-amd64.iso"), f.requests);

        fetch("file:" + f.url("/24.04/SHA256SUMS"));
        assertEquals(List.of("GET /24.04/SHA256SUMS", "GET /24.04/ubuntu-24.04-live-server-amd64.iso",
                "GET /24.04/SHA256SUMS"), f.requests, "the cached ISO is checked against the list of today");
    }

    @Test
    void aLocalListIsReadRelativeToTheWorkingDirectory() throws Exception {
        Files.writeString(f.workingDir.resolve("SHA256SUMS"), LIST);

        Path got = fetch("file:./SHA256SUMS");

        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals(List.of("GET /24.04/ubuntu-24.04-live-server-amd64.iso"), f.requests);
    }

    @Test
    void aListWithoutALineForTheIsoSaysSo() throws Exception {
        Files.writeString(f.workingDir.resolve("SHA256SUMS"), sha256(ISO) + "  other.iso\n");

        StepFailure e = assertThrows(StepFailure.class, () -> fetch("file:SHA256SUMS"));

        assertEquals("could not get the ISO (iso_url): " + f.url("/24.04/ubuntu-24.04-live-server-amd64.iso")
                + ": the checksum list SHA256SUMS has no line for \"ubuntu-24.04-live-server-amd64.iso\": use the list"
                + " that goes with this file, or give iso_checksum as sha256:<hash>", e.getMessage());
        assertEquals(List.of(), f.requests);
    }

    @Test
    void aListThatCannotBeReadEndsTheStepBeforeAnyDownload() {
        f.status("/24.04/SHA256SUMS", 404);

        StepFailure e = assertThrows(StepFailure.class, () -> fetch("file:" + f.url("/24.04/SHA256SUMS")));

        assertEquals("iso_checksum: cannot read the checksum list " + f.url("/24.04/SHA256SUMS") + ": HTTP 404 Not"
                + " Found: the file is not at this URL (old releases often move to an archive) (fix the location after"
                + " file: in the checksum)", e.getMessage());
        assertEquals(List.of("GET /24.04/SHA256SUMS"), f.requests);
    }

    @Test
    void aMissingLocalListSaysWhereItLooked() {
        StepFailure e = assertThrows(StepFailure.class, () -> fetch("file:sums.txt"));

        assertEquals("iso_checksum: cannot read the checksum list sums.txt: no such file or directory: "
                + f.workingDir.resolve("sums.txt") + " (fix the location after file: in the checksum)", e.getMessage());
    }
}
