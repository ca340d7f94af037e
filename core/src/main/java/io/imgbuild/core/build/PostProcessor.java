package io.imgbuild.core.build;

import io.imgbuild.core.artifact.Artifact;

/** A configured post-processor: turns an artifact into another (or returns it). */
public interface PostProcessor {

    PostProcessorResult process(PostProcessorContext context, Artifact input) throws Exception;
}
