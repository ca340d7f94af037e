package io.imgbuild.builder.amazon;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.communicator.ClearTemporaryKeyStep;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.communicator.ConnectStep;
import io.imgbuild.core.communicator.CreateTemporaryKeyStep;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds an EBS-backed AMI: source AMI → key pair → security group → instance → SSH → provisioners →
 * stop → AMI → copies → sharing → tags → artifact. Every step undoes what it made when the build
 * fails or is cancelled; the instance, key pair and security group go on every path.
 */
final class AmazonEbsBuilder implements Builder {

    private final AmazonEbsConfig config;
    private final CommunicatorConfig communicator;
    private final String region;
    private final Renderer renderer;
    private final Map<String, String> environment;

    AmazonEbsBuilder(AmazonEbsConfig config, CommunicatorConfig communicator, String region, Renderer renderer,
                     Map<String, String> environment) {
        this.config = config;
        this.communicator = communicator;
        this.region = region;
        this.renderer = renderer;
        this.environment = environment;
    }

    AmazonEbsConfig config() {
        return config;
    }

    CommunicatorConfig communicator() {
        return communicator;
    }

    @Override
    public List<Step> steps(BuilderContext context) {
        Step unsupported = NotSupportedYet.step(config);
        if (unsupported != null) {
            return List.of(unsupported);
        }
        Ec2Settings settings = Ec2Settings.of(config, region, context.build().workingDir());
        Polling polling = Polling.of(config.awsPolling(), environment);
        List<String> copyRegions = config.copyRegions(region);
        Tags tags = new Tags(renderer);
        boolean createAmi = !config.skipCreateAmi();
        List<Step> steps = new ArrayList<>();
        steps.add(new ConnectEc2Step(settings, copyRegions, config.skipRegionValidation()));
        if (createAmi && !config.forceDeregister()) {
            steps.add(new PreValidateStep(config.amiName(), copyRegions, config.skipSaveBuildRegion()));
        }
        steps.add(new SourceAmiStep(config.sourceAmi(), config.sourceAmiFilter()));
        steps.add(new NetworkStep(config));
        steps.add(new CreateTemporaryKeyStep(communicator));
        steps.add(new KeyPairStep(communicator.sshKeypairName(), communicator.temporaryKeyPairName()));
        steps.add(new SecurityGroupStep(config.temporarySecurityGroupSourceCidrs(), communicator.sshPort(),
                !communicator.none()));
        steps.add(new RunInstanceStep(config, tags, polling, context.build().workingDir()));
        steps.add(new ConnectStep(communicator,
                new InstanceAddress(communicator.sshHost(), config.sshInterface(), communicator.sshPort())));
        steps.add(context.provisionStep());
        steps.add(new ClearTemporaryKeyStep(communicator));
        if (createAmi) {
            steps.add(new StopInstanceStep(config.disableStopInstance(), config.enaSupport(), config.sriovSupport(),
                    polling));
            if (config.forceDeregister()) {
                steps.add(new DeregisterAmiStep(config.amiName(), copyRegions, config.forceDeleteSnapshot()));
            }
            steps.add(new CreateImageStep(config, tags, polling));
            if (CopyImageStep.needed(config, copyRegions)) {
                steps.add(new CopyImageStep(config, copyRegions, tags, polling));
            }
            if (ImageAttributesStep.needed(config)) {
                steps.add(new ImageAttributesStep(config));
            }
            steps.add(new TagImagesStep(config.amiTags(), config.allSnapshotTags(), tags));
            steps.add(new AmiArtifactStep(settings));
        } else {
            steps.add(new Step() {
                @Override
                public String name() {
                    return "SkipCreateAmi";
                }

                @Override
                public void run(io.imgbuild.core.step.StepContext ctx) {
                    ctx.ui().say("skip_create_ami: no AMI made; the instance is terminated");
                }
            });
        }
        return steps;
    }
}
