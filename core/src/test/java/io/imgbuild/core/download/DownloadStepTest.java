package io.imgbuild.core.download;

import static io.imgbuild.core.download.DownloadFixture.bytes;
import static io.imgbuild.core.download.DownloadFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.OnError;
import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepGate;
import io.imgbuild.core.step.StepOutcome;
import io.imgbuild.core.step.StepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The step in a real step runner: the state key, the cache directory from the environment, failures. */
@Timeout(30)
class DownloadStepTest {

    private static final byte[] ISO = bytes(1 << 20, 5);

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();

    private StepOutcome run(DownloadStep step, StepContext ctx) {
        return new StepRunner(List.of(step), OnError.CLEANUP, false, StepGate.NONE).run(ctx);
    }

    @Test
    void theIsoStepPutsTheVerifiedPathUnderIsoPath() throws Exception {
        f.serve("/alpine.iso", ISO);
        IsoConfig iso = new IsoConfig(f.url("/alpine.iso"), List.of(), "sha256:" + sha256(ISO), null, null);
        StepContext ctx = f.context();

        StepOutcome outcome = run(DownloadStep.iso(iso), ctx);

        assertTrue(outcome.succeeded(), outcome::toString);
        Path got = ctx.state().get(DownloadKeys.ISO_PATH);
        assertEquals(f.cacheDir, got.getParent());
        assertArrayEquals(ISO, Files.readAllBytes(got));
        assertEquals("SAY Retrieving ISO", f.lines.get(0));
        assertEquals("Download ISO", DownloadStep.iso(iso).name());
    }

    @Test
    void theCacheDirectoryComesFromTheEnvironment() throws Exception {
        f.serve("/alpine.iso", ISO);
        DownloadRequest request = DownloadFixture.iso("sha256:" + sha256(ISO), f.url("/alpine.iso"));
        StepContext ctx = f.context();

        run(new DownloadStep(request, DownloadKeys.ISO_PATH, Map.of("PACKER_CACHE_DIR", "shared-cache")), ctx);

        assertEquals(f.workingDir.resolve("shared-cache"), ctx.state().get(DownloadKeys.ISO_PATH).getParent());
    }

    @Test
    void aFailureIsTheStepsErrorAndLeavesNoKey() {
        f.status("/alpine.iso", 404);
        StepContext ctx = f.context();

        StepOutcome outcome = run(new DownloadStep(DownloadFixture.iso("none", f.url("/alpine.iso")),
                DownloadKeys.ISO_PATH), ctx);

        assertEquals(StepOutcome.Result.FAILED, outcome.result());
        assertEquals("could not get the ISO (iso_url): " + f.url("/alpine.iso") + ": HTTP 404 Not Found: the file is"
                + " not at this URL (old releases often move to an archive)", outcome.error());
        assertFalse(ctx.state().has(DownloadKeys.ISO_PATH));
    }
}
