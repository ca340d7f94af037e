package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.build.PostProcessorResult;

/**
 * PLACEHOLDER: holds the checked vagrant settings. Making boxes is not implemented yet; running it says
 * so.
 */
record VagrantPostProcessor(VagrantConfig config) implements PostProcessor {

    @Override
    public PostProcessorResult process(PostProcessorContext context, Artifact input) throws Exception {
        return NotYetImplemented.postProcessor("vagrant", "make boxes").process(context, input);
    }
}
