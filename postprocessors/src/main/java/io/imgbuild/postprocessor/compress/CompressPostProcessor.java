package io.imgbuild.postprocessor.compress;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.build.PostProcessorResult;

/**
 * PLACEHOLDER: holds the checked compress settings (output template, format, level). Writing archives
 * is not implemented yet; running it says so.
 *
 * @param level the compression level to use (the format's range was checked)
 */
record CompressPostProcessor(String output, ArchiveFormat format, int level) implements PostProcessor {

    @Override
    public PostProcessorResult process(PostProcessorContext context, Artifact input) throws Exception {
        return NotYetImplemented.postProcessor("compress", "write archives").process(context, input);
    }
}
