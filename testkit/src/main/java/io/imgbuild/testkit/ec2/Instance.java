package io.imgbuild.testkit.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A simulated instance; its state moves on with time (see {@link RegionState#advance}). */
final class Instance extends Resource {

    /** A volume attached at a device. */
    record Attachment(String device, String volumeId, boolean deleteOnTermination, Instant attachTime) {}

    String reservationId;
    String imageId;
    String instanceType;
    String keyName;
    /** The key pair's public key at launch: it stays installed if the key pair is deleted, as on EC2. */
    String authorizedKey;
    List<String> securityGroupIds = new ArrayList<>();
    String subnetId;
    String vpcId;
    String availabilityZone;
    String privateIp;
    String publicIp;
    String publicDns;
    String userData;
    String clientToken;
    String rootDeviceName;
    String architecture;
    String shutdownBehavior = "stop";
    String iamInstanceProfile;
    String sriovNetSupport;
    boolean enaSupport;
    boolean ebsOptimized;
    boolean sourceDestCheck = true;
    boolean disableApiTermination;
    Instant launchTime;
    InstanceState state = InstanceState.PENDING;
    Instant stateSince;
    String stateReason = "";
    final List<Attachment> attachments = new ArrayList<>();

    Instance(String id, Instant createdAt) {
        super(id, createdAt);
        this.launchTime = createdAt;
        this.stateSince = createdAt;
    }

    @Override
    String resourceType() {
        return "instance";
    }

    void moveTo(InstanceState next, Instant at) {
        state = next;
        stateSince = at;
    }

    boolean gone() {
        return state == InstanceState.TERMINATED || state == InstanceState.SHUTTING_DOWN;
    }
}
