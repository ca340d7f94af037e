package io.imgbuild.core.run;

import io.imgbuild.core.build.PostProcessor;

/**
 * A post-processor ready for one build.
 *
 * @param keepInputArtifact the template's keep_input_artifact, or null when not set
 */
public record PreparedPostProcessor(String type, String name, PostProcessor postProcessor, Boolean keepInputArtifact) {

    public String label() {
        return name == null || name.equals(type) ? type : name + " (" + type + ")";
    }
}
