package io.imgbuild.core.step;

/**
 * One stage of a build, with the undo for what it made. The runner calls {@link #cleanup} for every
 * step whose {@link #run} was called, in reverse order, whatever happened later: a step that fails
 * half-way must clean up what it did make. Cleanup decides for itself what to undo (the output
 * directory only on failure, an instance always) by asking {@link StepContext#halted()}.
 */
public interface Step {

    /** Shown in debug pauses and cleanup messages. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }

    void run(StepContext context) throws Exception;

    /** Undo; throw if something could not be removed, with a message saying what is left. */
    default void cleanup(StepContext context) throws Exception {
    }
}
