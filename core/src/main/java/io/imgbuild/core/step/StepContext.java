package io.imgbuild.core.step;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.ui.BuildUi;

/** What a step sees: the build's state bag, its voice, its cancellation, and how the run ended. */
public final class StepContext {

    private final BuildInfo build;
    private final State state;
    private final BuildUi ui;
    private final Cancellation cancellation;
    private volatile boolean halted;

    public StepContext(BuildInfo build, State state, BuildUi ui, Cancellation cancellation) {
        this.build = build;
        this.state = state;
        this.ui = ui;
        this.cancellation = cancellation;
    }

    public BuildInfo build() {
        return build;
    }

    public State state() {
        return state;
    }

    public BuildUi ui() {
        return ui;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** True in cleanup when the build failed or was cancelled (what Packer calls halted). */
    public boolean halted() {
        return halted || cancellation.isCancelled();
    }

    public boolean cancelled() {
        return cancellation.isCancelled();
    }

    void markHalted() {
        halted = true;
    }
}
