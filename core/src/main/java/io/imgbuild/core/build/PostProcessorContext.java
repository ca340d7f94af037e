package io.imgbuild.core.build;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.BuildUi;

/** What a post-processor gets for one run. */
public interface PostProcessorContext {

    BuildInfo build();

    BuildUi ui();

    Cancellation cancellation();
}
