package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepFailure;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/** The account's own AMIs of a name in a region (AMI names are unique per account and region). */
final class AmiNames {

    private AmiNames() {
    }

    static List<Image> owned(Ec2Client ec2, String region, String name) throws StepFailure {
        return AwsCall.run("DescribeImages", region, () -> ec2.describeImages(r -> r.owners("self")
                .filters(Filter.builder().name("name").values(name).build())).images());
    }
}
