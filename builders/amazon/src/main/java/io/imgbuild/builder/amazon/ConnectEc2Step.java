package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Opens the EC2 clients and, unless skip_region_validation, checks that the build region and every
 * ami_regions entry are regions the account can use: a typo fails here, not after an hour's build.
 */
final class ConnectEc2Step implements Step {

    private final Ec2Settings settings;
    private final List<String> copyRegions;
    private final boolean skipRegionValidation;

    ConnectEc2Step(Ec2Settings settings, List<String> copyRegions, boolean skipRegionValidation) {
        this.settings = settings;
        this.copyRegions = copyRegions;
        this.skipRegionValidation = skipRegionValidation;
    }

    @Override
    public String name() {
        return "ConnectEc2";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        Ec2Access ec2 = new Ec2Access(settings, ctx.ui());
        ctx.state().put(AmazonKeys.EC2, ec2);
        String where = settings.endpoint() == null ? "" : " at " + settings.endpoint();
        ctx.ui().say("Using EC2 in " + settings.region() + where);
        if (skipRegionValidation) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        for (Region r : AwsCall.run("DescribeRegions", settings.region(), () -> ec2.ec2().describeRegions().regions())) {
            known.add(r.regionName());
        }
        List<String> wanted = new ArrayList<>();
        wanted.add(settings.region());
        wanted.addAll(copyRegions);
        List<String> unknown = wanted.stream().filter(r -> !known.contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw new StepFailure("not a region the account can use: " + String.join(", ", unknown)
                    + " (enabled: " + String.join(", ", known) + "); check region and ami_regions, or set"
                    + " skip_region_validation for a region AWS does not list yet");
        }
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(AmazonKeys.EC2).ifPresent(Ec2Access::close);
    }
}
