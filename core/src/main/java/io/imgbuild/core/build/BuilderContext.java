package io.imgbuild.core.build;

import io.imgbuild.core.step.Step;

/** What core offers a builder when it lays out its steps. */
public interface BuilderContext {

    BuildInfo build();

    /** Runs the template's provisioners (with their pause, timeout and retries) for this build. */
    Step provisionStep();
}
