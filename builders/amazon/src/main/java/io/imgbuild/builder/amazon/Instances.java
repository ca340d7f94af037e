package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepFailure;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;

/** Reads one instance; EC2 may not know a just-launched one yet (eventual consistency): empty then. */
final class Instances {

    private Instances() {
    }

    static Optional<Instance> find(Ec2Client ec2, String region, String id) throws StepFailure {
        try {
            return ec2.describeInstances(r -> r.instanceIds(id)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).findFirst();
        } catch (Ec2Exception e) {
            if ("InvalidInstanceID.NotFound".equals(AwsCall.code(e))) {
                return Optional.empty();
            }
            throw new StepFailure(AwsCall.describe("DescribeInstances", region, e), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new StepFailure(AwsCall.describe("DescribeInstances", region, e), e);
        }
    }

    static Optional<String> state(Ec2Client ec2, String region, String id) throws StepFailure {
        return find(ec2, region, id).map(i -> i.state().nameAsString());
    }
}
