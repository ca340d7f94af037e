package io.imgbuild.core.step;

/**
 * The user's say between steps: {@code -debug} pauses before each step, and {@code -on-error=ask}
 * asks what to do after a failure. The CLI implements it on the terminal.
 */
public interface StepGate {

    enum Choice { CLEANUP, ABORT, RETRY }

    /** Returns when the user wants the step to run. */
    void beforeStep(String build, String step) throws CancelledException;

    Choice afterFailure(String build, String step, String error) throws CancelledException;

    StepGate NONE = new StepGate() {
        @Override
        public void beforeStep(String build, String step) {
        }

        @Override
        public Choice afterFailure(String build, String step, String error) {
            return Choice.CLEANUP;
        }
    };
}
