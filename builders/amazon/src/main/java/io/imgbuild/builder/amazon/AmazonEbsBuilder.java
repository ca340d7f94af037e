package io.imgbuild.builder.amazon;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.step.Step;
import java.util.List;

/**
 * PLACEHOLDER: holds the checked amazon-ebs configuration. Building (EC2, SSH) is not written yet; the
 * one step says so.
 */
final class AmazonEbsBuilder implements Builder {

    private final AmazonEbsConfig config;
    private final CommunicatorConfig communicator;

    AmazonEbsBuilder(AmazonEbsConfig config, CommunicatorConfig communicator) {
        this.config = config;
        this.communicator = communicator;
    }

    AmazonEbsConfig config() {
        return config;
    }

    CommunicatorConfig communicator() {
        return communicator;
    }

    @Override
    public List<Step> steps(BuilderContext context) {
        return List.of(NotYetImplemented.builderStep("amazon-ebs"));
    }
}
