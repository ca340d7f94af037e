package io.imgbuild.builder.amazon;

import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;

/** Hands the AMIs to the post-processors; from here on they belong to the artifact, not to cleanup. */
final class AmiArtifactStep implements Step {

    private final Ec2Settings settings;

    AmiArtifactStep(Ec2Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "Artifact";
    }

    @Override
    public void run(StepContext ctx) {
        // Taken out of the state: the image steps' cleanup must not remove what the artifact now owns.
        AmiArtifact artifact = new AmiArtifact(ctx.state().remove(AmazonKeys.AMIS).orElseThrow(), settings);
        ctx.state().put(ArtifactKeys.ARTIFACT, artifact);
        ctx.ui().say(artifact.description());
    }
}
