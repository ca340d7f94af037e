package io.imgbuild.testkit.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.testkit.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Debian's awscli drives the simulator through a whole image build's calls and its waiters. */
class Ec2SimulatorAwsCliTest {

    static Ec2Simulator ec2;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(AwsCli.AWS), "Debian's awscli is missing: run scripts/setup");
        ec2 = Ec2Simulator.start(Ec2Config.defaults()
                .withTimings(Timings.uniform(Duration.ofMillis(300)))
                .withSsh(SshEndpoint.of("127.0.0.1", 2222)));
        aws = new AwsCli(ec2.endpoint().toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (aws != null) {
            aws.close();
        }
        if (ec2 != null) {
            ec2.close();
        }
    }

    @Test
    void buildsAnImageFromDebianAndCleansUpWithTheCli(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        // source_ami_filter with most_recent: the newer of the two Debian 12 amd64 images
        JsonNode source = aws.ok("describe-images", "--owners", "136693071363",
                "--filters", "Name=name,Values=debian-12-amd64-*", "Name=state,Values=available", "Name=virtualization-type,Values=hvm",
                "--query", "sort_by(Images,&CreationDate)[-1]");
        assertEquals("debian-12-amd64-20240717-1811", source.get("Name").asString());
        assertEquals("136693071363", source.get("OwnerId").asString());
        String sourceAmi = source.get("ImageId").asString();

        JsonNode key = aws.ok("create-key-pair", "--key-name", "packer_cli");
        Path pem = temp.resolve("key.pem");
        Files.writeString(pem, key.get("KeyMaterial").asString() + "\n");
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-------"));
        String derived = Commands.run(List.of("ssh-keygen", "-y", "-f", pem.toString())).orThrow().trim();
        JsonNode described = aws.ok("describe-key-pairs", "--key-names", "packer_cli", "--include-public-key");
        assertEquals(key.get("KeyFingerprint").asString(), described.get("KeyPairs").get(0).get("KeyFingerprint").asString());
        assertTrue(described.get("KeyPairs").get(0).get("PublicKey").asString().startsWith(derived),
                "ssh-keygen reads the private key CreateKeyPair returned, and it matches the stored public key");

        String group = aws.ok("create-security-group", "--group-name", "packer_sg", "--description", "Temporary group")
                .get("GroupId").asString();
        aws.ok("authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
        JsonNode rules = aws.ok("describe-security-groups", "--group-ids", group, "--query", "SecurityGroups[0].IpPermissions[0]");
        assertEquals(22, rules.get("FromPort").asInt());
        assertEquals("0.0.0.0/0", rules.get("IpRanges").get(0).get("CidrIp").asString());

        JsonNode run = aws.ok("run-instances", "--image-id", sourceAmi, "--instance-type", "t3.micro", "--key-name", "packer_cli",
                "--security-group-ids", group, "--user-data", "#!/bin/sh\necho hello",
                "--block-device-mappings", "DeviceName=/dev/xvda,Ebs={VolumeSize=12,VolumeType=gp3}",
                "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=Packer Builder}]",
                "ResourceType=volume,Tags=[{Key=Purpose,Value=build}]");
        JsonNode launched = run.get("Instances").get(0);
        String instance = launched.get("InstanceId").asString();
        assertEquals("pending", launched.get("State").get("Name").asString());

        assertEquals(0, aws.ec2("wait", "instance-running", "--instance-ids", instance).exitCode());
        JsonNode found = aws.ok("describe-instances", "--filters", "Name=tag:Name,Values=Packer*",
                "Name=instance-state-name,Values=running", "--query", "Reservations[].Instances[]");
        assertEquals(1, found.size(), found.toString());
        assertEquals(instance, found.get(0).get("InstanceId").asString());
        assertEquals("127.0.0.1", found.get(0).get("PublicIpAddress").asString());
        assertEquals("packer_cli", found.get(0).get("KeyName").asString());
        assertEquals(group, found.get(0).get("SecurityGroups").get(0).get("GroupId").asString());
        JsonNode volumes = aws.ok("describe-volumes", "--filters", "Name=attachment.instance-id,Values=" + instance, "--query", "Volumes");
        assertEquals(12, volumes.get(0).get("Size").asInt());
        assertEquals("gp3", volumes.get(0).get("VolumeType").asString());
        assertEquals("build", volumes.get(0).get("Tags").get(0).get("Value").asString());
        JsonNode userData = aws.ok("describe-instance-attribute", "--instance-id", instance, "--attribute", "userData");
        assertEquals("#!/bin/sh\necho hello", new String(java.util.Base64.getDecoder().decode(
                userData.get("UserData").get("Value").asString())));

        aws.ok("stop-instances", "--instance-ids", instance);
        assertEquals(0, aws.ec2("wait", "instance-stopped", "--instance-ids", instance).exitCode());
        aws.ok("modify-instance-attribute", "--instance-id", instance, "--ena-support");

        String ami = aws.ok("create-image", "--instance-id", instance, "--name", "packer-demo-1", "--description", "built by test")
                .get("ImageId").asString();
        assertEquals(0, aws.ec2("wait", "image-available", "--image-ids", ami).exitCode());
        JsonNode image = aws.ok("describe-images", "--owners", "self", "--filters", "Name=name,Values=packer-demo-?",
                "--query", "Images[0]");
        assertEquals(ami, image.get("ImageId").asString());
        assertEquals("available", image.get("State").asString());
        assertTrue(image.get("EnaSupport").asBoolean());
        String snapshot = image.get("BlockDeviceMappings").get(0).get("Ebs").get("SnapshotId").asString();
        assertEquals(12, image.get("BlockDeviceMappings").get(0).get("Ebs").get("VolumeSize").asInt());
        JsonNode snapshots = aws.ok("describe-snapshots", "--owner-ids", "self", "--query", "Snapshots[].SnapshotId");
        assertEquals(List.of(snapshot), List.of(snapshots.get(0).asString()));

        String copy = aws.ok("--region", "us-west-2", "copy-image", "--source-region", "us-east-1", "--source-image-id", ami,
                "--name", "packer-demo-1").get("ImageId").asString();
        assertEquals(0, aws.ec2("--region", "us-west-2", "wait", "image-available", "--image-ids", copy).exitCode());
        assertEquals(0, aws.ok("--region", "us-east-2", "describe-images", "--owners", "self", "--query", "Images").size(),
                "regions keep their own images");

        aws.ok("create-tags", "--resources", ami, snapshot, "--tags", "Key=Name,Value=packer-demo", "Key=Builder,Value=imgbuild");
        JsonNode tags = aws.ok("describe-tags", "--filters", "Name=key,Values=Builder", "--query", "Tags[].ResourceId");
        assertEquals(2, tags.size(), tags.toString());
        aws.ok("modify-image-attribute", "--image-id", ami, "--launch-permission", "Add=[{UserId=210987654321}]");
        JsonNode permissions = aws.ok("describe-image-attribute", "--image-id", ami, "--attribute", "launchPermission");
        assertEquals("210987654321", permissions.get("LaunchPermissions").get(0).get("UserId").asString());

        aws.ok("terminate-instances", "--instance-ids", instance);
        assertEquals(0, aws.ec2("wait", "instance-terminated", "--instance-ids", instance).exitCode());
        aws.ok("delete-security-group", "--group-id", group);
        aws.ok("delete-key-pair", "--key-name", "packer_cli");
        aws.ok("deregister-image", "--image-id", ami);
        aws.ok("delete-snapshot", "--snapshot-id", snapshot);
        String copiedSnapshot = aws.ok("--region", "us-west-2", "describe-images", "--image-ids", copy,
                "--query", "Images[0].BlockDeviceMappings[0].Ebs.SnapshotId").asString();
        aws.ok("--region", "us-west-2", "deregister-image", "--image-id", copy);
        aws.ok("--region", "us-west-2", "delete-snapshot", "--snapshot-id", copiedSnapshot);
        assertTrue(ec2.leftovers().isEmpty(), ec2.leftovers().toString());
    }

    @Test
    void badInputGetsEc2sErrorCodes() throws Exception {
        assertError("InvalidAMIID.Malformed", "run-instances", "--image-id", "ami-12345", "--instance-type", "t3.micro");
        assertError("InvalidAMIID.NotFound", "run-instances", "--image-id", "ami-0123456789abcdef0", "--instance-type", "t3.micro");
        assertError("InvalidParameterValue", "describe-images", "--filters", "Name=colour,Values=blue");
        assertError("InvalidParameterValue", "create-security-group", "--group-name", "sg-bad", "--description", "d");
        assertError("InvalidInstanceID.NotFound", "terminate-instances", "--instance-ids", "i-0123456789abcdef0");
        assertError("InvalidKeyPair.NotFound", "describe-key-pairs", "--key-names", "nobody");
        assertError("InvalidAMIName.Malformed", "register-image", "--name", "x", "--root-device-name", "/dev/xvda");
        assertError("AuthFailure", "--region", "xx-nowhere-1", "describe-instances");
        JsonNode debian = aws.ok("describe-images", "--owners", "136693071363", "--query", "Images[0]");
        assertError("InvalidBlockDeviceMapping", "run-instances", "--image-id", debian.get("ImageId").asString(),
                "--block-device-mappings", "DeviceName=/dev/xvda,Ebs={VolumeSize=4}");
        assertTrue(ec2.leftovers().ofType("instance").isEmpty(), ec2.leftovers().toString());
    }

    @Test
    void aRegionInTheEndpointPathWinsOverTheSigningRegion() throws Exception {
        try (AwsCli west = new AwsCli(ec2.endpoint("eu-west-1").toString())) {
            JsonNode zones = west.ok("describe-availability-zones", "--query", "AvailabilityZones[].ZoneName");
            assertEquals("eu-west-1a", zones.get(0).asString());
            JsonNode regions = west.ok("describe-regions", "--query", "Regions[].RegionName");
            assertEquals(Ec2Config.DEFAULT_REGIONS.size(), regions.size());
            JsonNode subnets = west.ok("describe-subnets", "--filters", "Name=default-for-az,Values=true", "--query", "Subnets");
            assertEquals(3, subnets.size());
            JsonNode vpc = west.ok("describe-vpcs", "--filters", "Name=is-default,Values=true", "--query", "Vpcs[0]");
            assertEquals(subnets.get(0).get("VpcId").asString(), vpc.get("VpcId").asString());
        }
    }

    private static void assertError(String code, String... args) throws Exception {
        AwsCli.Result result = aws.ec2(args);
        assertEquals(254, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("(" + code + ")"), "expected " + code + ": " + result);
    }
}
