package io.imgbuild.builder.amazon;

import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/** Finds the source AMI from source_ami, or source_ami_filter (owners, filters, most_recent). */
final class SourceAmiStep implements Step {

    private final String sourceAmi;
    private final AmazonEbsConfig.SourceAmiFilter filter;

    SourceAmiStep(String sourceAmi, AmazonEbsConfig.SourceAmiFilter filter) {
        this.sourceAmi = sourceAmi;
        this.filter = filter;
    }

    @Override
    public String name() {
        return "SourceAmiInfo";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        DescribeImagesRequest.Builder request = DescribeImagesRequest.builder();
        String asked;
        if (sourceAmi != null && !sourceAmi.isEmpty()) {
            request.imageIds(sourceAmi);
            asked = "source_ami " + sourceAmi;
        } else {
            request.owners(filter.owners());
            request.filters(filter.allFilters().entrySet().stream()
                    .map(e -> Filter.builder().name(e.getKey()).values(e.getValue()).build()).toList());
            asked = "source_ami_filter (owners " + filter.owners() + ", filters " + filter.allFilters() + ")";
        }
        ctx.ui().say("Finding the source AMI from " + asked + "...");
        List<Image> images = AwsCall.run("DescribeImages", region, () -> ec2.ec2().describeImages(request.build()).images());
        if (images.isEmpty()) {
            throw new StepFailure("no AMI in " + region + " matches " + asked + "; check the ID or filters, the owners,"
                    + " and the region");
        }
        Image chosen;
        if (images.size() == 1) {
            chosen = images.get(0);
        } else if (filter != null && filter.mostRecent()) {
            chosen = images.stream().max(Comparator.comparing(i -> i.creationDate() == null ? "" : i.creationDate()))
                    .orElseThrow();
        } else {
            throw new StepFailure(images.size() + " AMIs in " + region + " match " + asked
                    + "; make the filters more specific, or set most_recent to true to take the newest");
        }
        SourceImage source = SourceImage.of(chosen);
        ctx.state().put(AmazonKeys.SOURCE_IMAGE, source);
        ctx.ui().message("Source AMI: " + source.id() + " (" + source.name() + ", owner " + source.ownerId()
                + ", created " + source.creationDate() + ")");
        BuildData.add(ctx.state(), Map.of("SourceAMI", source.id(), "SourceAMIName", source.name(),
                "SourceAMIOwner", source.ownerId(), "SourceAMIOwnerName", source.ownerAlias(),
                "SourceAMICreationDate", source.creationDate()));
    }
}
