package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The aws box holds no disk: its Vagrantfile names the AMI of each region (the artifact id,
 * "us-east-1:ami-1,eu-west-1:ami-2"), for the vagrant-aws plugin. The AMIs must outlive the box, so
 * the input is kept whatever keep_input_artifact says.
 */
final class AwsProvider implements BoxProvider {

    private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");
    private static final Pattern AMI = Pattern.compile("ami-[0-9a-zA-Z]+");

    @Override
    public BoxContent content(Artifact artifact, BuildUi ui) throws StepFailure {
        StringBuilder v = new StringBuilder("Vagrant.configure(\"2\") do |config|\n")
                .append("  config.vm.provider \"aws\" do |aws|\n");
        for (String pair : artifact.id().split(",")) {
            String[] parts = pair.trim().split(":", 2);
            if (parts.length != 2 || !REGION.matcher(parts[0]).matches() || !AMI.matcher(parts[1]).matches()) {
                throw new StepFailure("the artifact id \"" + artifact.id() + "\" is not a list of region:AMI pairs"
                        + " (e.g. us-east-1:ami-0abc,eu-west-1:ami-0def); the aws provider needs an amazon builder's"
                        + " artifact");
            }
            v.append("    aws.region_config \"").append(parts[0]).append("\", ami: \"").append(parts[1]).append("\"\n");
        }
        v.append("  end\nend\n");
        return new BoxContent(List.of(), Map.of("provider", "aws"), v.toString(), true);
    }
}
