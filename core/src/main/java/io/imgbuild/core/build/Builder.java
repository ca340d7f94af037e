package io.imgbuild.core.build;

import io.imgbuild.core.step.Step;
import java.util.List;

/**
 * A configured builder: the steps that make a machine, provision it (through
 * {@link BuilderContext#provisionStep()}) and capture it. The last step puts the artifact in the
 * state under {@link io.imgbuild.core.artifact.ArtifactKeys#ARTIFACT}.
 */
public interface Builder {

    List<Step> steps(BuilderContext context);
}
