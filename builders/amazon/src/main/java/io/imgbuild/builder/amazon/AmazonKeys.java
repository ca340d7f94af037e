package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Key;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Instance;

/** What the amazon-ebs steps hand each other through the build state. */
final class AmazonKeys {

    static final Key<Ec2Access> EC2 = new Key<>("ec2-access");
    static final Key<SourceImage> SOURCE_IMAGE = new Key<>("source-ami");
    static final Key<String> SUBNET_ID = new Key<>("subnet-id");
    static final Key<String> VPC_ID = new Key<>("vpc-id");
    static final Key<String> KEY_PAIR_NAME = new Key<>("key-pair-name");
    static final Key<List<String>> SECURITY_GROUP_IDS = new Key<>("security-group-ids");
    static final Key<Instance> INSTANCE = new Key<>("instance");
    /** Region → AMI ID of every AMI this build made, the build region first. */
    static final Key<Map<String, String>> AMIS = new Key<>("amis");

    private AmazonKeys() {
    }
}
