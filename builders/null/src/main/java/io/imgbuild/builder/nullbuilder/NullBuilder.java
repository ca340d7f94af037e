package io.imgbuild.builder.nullbuilder;

import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.communicator.ConnectStep;
import io.imgbuild.core.communicator.SshTarget;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.util.List;
import java.util.Map;

/** Connect, provision, and report an artifact that holds nothing (Packer's NullArtifact). */
final class NullBuilder implements Builder {

    static final String BUILDER_ID = "fnoeding.null";

    private final CommunicatorConfig communicator;

    NullBuilder(CommunicatorConfig communicator) {
        this.communicator = communicator;
    }

    @Override
    public List<Step> steps(BuilderContext context) {
        SshTarget target = SshTarget.fixed(communicator.sshHost(), communicator.sshPort());
        return List.of(new ConnectStep(communicator, target), context.provisionStep(), new Step() {
            @Override
            public String name() {
                return "NullArtifact";
            }

            @Override
            public void run(StepContext ctx) {
                ctx.state().put(ArtifactKeys.ARTIFACT, new FileArtifact(BUILDER_ID, "Null", List.of(),
                        "Did not export anything. This is the null builder", Map.of()));
            }
        });
    }
}
