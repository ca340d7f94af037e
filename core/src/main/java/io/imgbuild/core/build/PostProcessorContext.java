package io.imgbuild.core.build;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.BuildUi;

/** What a post-processor gets for one run. */
public interface PostProcessorContext {

    BuildInfo build();

    BuildUi ui();

    Cancellation cancellation();

    /** A context of these three parts (for the runner, and for tests that run a post-processor alone). */
    static PostProcessorContext of(BuildInfo build, BuildUi ui, Cancellation cancellation) {
        record Parts(BuildInfo build, BuildUi ui, Cancellation cancellation) implements PostProcessorContext {
        }
        return new Parts(build, ui, cancellation);
    }
}
