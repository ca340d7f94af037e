package io.imgbuild.core.step;

/**
 * A step failed for a reason the user can act on. The message is shown as is, without a stack trace;
 * anything else a step throws is reported as an unexpected error with its stack in the log.
 */
public class StepFailure extends Exception {

    public StepFailure(String message) {
        super(message);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
