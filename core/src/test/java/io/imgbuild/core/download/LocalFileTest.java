package io.imgbuild.core.download;

import static io.imgbuild.core.download.DownloadFixture.bytes;
import static io.imgbuild.core.download.DownloadFixture.iso;
import static io.imgbuild.core.download.DownloadFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local ISOs are verified by reading them once and used where they are: nothing goes to the cache. */
@Timeout(30)
class LocalFileTest {

    private static final byte[] ISO = bytes(2 << 20, 11);

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();
    private Path local;

    @BeforeEach
    void start() throws Exception {
        local = f.workingDir.resolve("isos/debian.iso");
        Files.createDirectories(local.getParent());
        Files.write(local, ISO);
    }

    @Test
    void aRelativePathIsVerifiedAndUsedInPlace() throws Exception {
        Path got = f.downloader().fetch(iso("sha256:" + sha256(ISO), "isos/debian.iso"), f.ui, f.cancellation);

        assertEquals(local, got);
        assertEquals(List.of("isos/debian.iso"), f.files(), "no copy, no cache");
        assertTrue(f.lines.contains("MESSAGE Using the local ISO in place: " + local), f.lines::toString);
        assertEquals("Verifying debian.iso", f.progress.get(0).label());
        assertEquals(ISO.length, f.progress.get(f.progress.size() - 1).done());
    }

    @Test
    void aFileUrlWorksToo() throws Exception {
        String url = local.toUri().toString();

        assertEquals(local, f.downloader().fetch(iso("sha256:" + sha256(ISO), url), f.ui, f.cancellation));
    }

    @Test
    void withChecksumNoneTheFileIsNotRead() throws Exception {
        assertEquals(local, f.downloader().fetch(iso("none", "isos/debian.iso"), f.ui, f.cancellation));
        assertEquals(List.of(), f.progress);
    }

    @Test
    void aLocalFileThatDoesNotMatchIsRefusedAndKept() throws Exception {
        String wrong = "0".repeat(64);

        StepFailure e = assertThrows(StepFailure.class, () -> f.downloader().fetch(iso(wrong, "isos/debian.iso"), f.ui,
                f.cancellation));

        assertEquals("could not get the ISO (iso_url): isos/debian.iso: the local file " + local + " does not match"
                + " the checksum: expected sha256 " + wrong + ", got " + sha256(ISO) + "; the file changed or"
                + " iso_checksum is wrong", e.getMessage());
        assertTrue(Files.exists(local), "the user's file is theirs");
    }

    @Test
    void aMissingLocalFileSaysWhereItLooked() {
        StepFailure e = assertThrows(StepFailure.class, () -> f.downloader().fetch(iso("none", "isos/missing.iso"),
                f.ui, f.cancellation));

        assertEquals("could not get the ISO (iso_url): isos/missing.iso: the local file "
                + f.workingDir.resolve("isos/missing.iso") + " does not exist (relative paths start in the directory"
                + " imgbuild runs in; fix iso_url or create the file first)", e.getMessage());
    }

    @Test
    void aMissingLocalFileFallsBackToTheNextUrl() throws Exception {
        Path got = f.downloader().fetch(iso("sha256:" + sha256(ISO), "isos/missing.iso", "isos/debian.iso"), f.ui,
                f.cancellation);

        assertEquals(local, got);
    }
}
