package io.imgbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.ui.UiEvent.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit codes: cleanup incomplete > interrupted > failed > ok. */
class RunResultTest {

    private static BuildResult build(Status status, boolean cleanupIncomplete) {
        return new BuildResult("b", status, List.of(), List.of(), cleanupIncomplete, Duration.ZERO);
    }

    @Test
    void allSucceeded() {
        assertEquals(ExitCodes.OK, new RunResult(List.of(build(Status.SUCCEEDED, false)), false).exitCode());
        assertEquals(ExitCodes.OK, new RunResult(List.of(), false).exitCode());
    }

    @Test
    void oneFailed() {
        assertEquals(ExitCodes.BUILD_FAILED, new RunResult(List.of(build(Status.SUCCEEDED, false),
                build(Status.FAILED, false)), false).exitCode());
    }

    @Test
    void interruptedOutranksFailed() {
        assertEquals(ExitCodes.INTERRUPTED, new RunResult(List.of(build(Status.FAILED, false),
                build(Status.CANCELLED, false)), true).exitCode());
    }

    @Test
    void cleanupIncompleteOutranksEverything() {
        assertEquals(ExitCodes.CLEANUP_INCOMPLETE, new RunResult(List.of(build(Status.FAILED, false),
                build(Status.CANCELLED, true)), true).exitCode());
        assertEquals(ExitCodes.CLEANUP_INCOMPLETE, new RunResult(List.of(build(Status.SUCCEEDED, true)), false)
                .exitCode());
    }

    @Test
    void theCodesAreDistinct() {
        assertEquals(6, java.util.Set.of(ExitCodes.OK, ExitCodes.BUILD_FAILED, ExitCodes.USAGE, ExitCodes.INVALID_TEMPLATE,
                ExitCodes.CLEANUP_INCOMPLETE, ExitCodes.INTERRUPTED).size());
    }
}
