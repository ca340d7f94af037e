package io.imgbuild.core.step;

import java.util.List;

/**
 * How a run of steps ended.
 *
 * @param error           what failed, for the user (null when it succeeded or was cancelled)
 * @param cleanupFailures cleanups that could not finish: what may be left behind
 */
public record StepOutcome(Result result, String error, List<String> cleanupFailures) {

    public enum Result { SUCCEEDED, FAILED, CANCELLED }

    public boolean succeeded() {
        return result == Result.SUCCEEDED;
    }
}
