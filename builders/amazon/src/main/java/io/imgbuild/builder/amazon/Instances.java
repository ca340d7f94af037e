package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepFailure;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/** Reads one instance; EC2 may not know a just-launched one yet (eventual consistency): empty then. */
final class Instances {

    private Instances() {
    }

    static Optional<Instance> find(Ec2Client ec2, String region, String id) throws StepFailure {
        try {
            return AwsCall.run("DescribeInstances", region, () -> ec2.describeInstances(r -> r.instanceIds(id))
                    .reservations().stream().flatMap(r -> r.instances().stream()).findFirst());
        } catch (StepFailure e) {
            if ("InvalidInstanceID.NotFound".equals(AwsCall.code(e.getCause()))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static Optional<String> state(Ec2Client ec2, String region, String id) throws StepFailure {
        return find(ec2, region, id).map(i -> i.state().nameAsString());
    }
}
