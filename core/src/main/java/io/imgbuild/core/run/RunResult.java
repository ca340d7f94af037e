package io.imgbuild.core.run;

import io.imgbuild.core.ui.UiEvent;
import java.util.List;

/** All builds of a run; the exit code follows from them. */
public record RunResult(List<BuildResult> builds, boolean interrupted) {

    /** A failed cleanup outranks an interrupt, which outranks a failure: each asks more of the user. */
    public int exitCode() {
        if (builds.stream().anyMatch(BuildResult::cleanupIncomplete)) {
            return ExitCodes.CLEANUP_INCOMPLETE;
        }
        if (interrupted) {
            return ExitCodes.INTERRUPTED;
        }
        if (builds.stream().anyMatch(b -> b.status() != UiEvent.Status.SUCCEEDED)) {
            return ExitCodes.BUILD_FAILED;
        }
        return ExitCodes.OK;
    }
}
