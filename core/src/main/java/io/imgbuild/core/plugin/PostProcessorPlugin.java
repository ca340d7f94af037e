package io.imgbuild.core.plugin;

import io.imgbuild.core.build.PostProcessor;

/** Service interface for post-processor types. */
public interface PostProcessorPlugin extends Plugin<PostProcessor> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.POST_PROCESSOR;
    }
}
