package io.imgbuild.core.build;

import io.imgbuild.core.artifact.Artifact;

/**
 * @param artifact  what the post-processor made (null: the chain ends here)
 * @param keepInput whether the input artifact is kept by default (a user's keep_input_artifact wins)
 * @param forceKeep the input must be kept whatever the user says (e.g. a Vagrant box that only refers
 *                  to an AMI)
 */
public record PostProcessorResult(Artifact artifact, boolean keepInput, boolean forceKeep) {
}
