package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.SshdPerClass;
import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Shell;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.testkit.ec2.Ec2Config;
import io.imgbuild.testkit.ec2.Ec2Simulator;
import io.imgbuild.testkit.ec2.Leftovers;
import io.imgbuild.testkit.ec2.SshEndpoint;
import io.imgbuild.testkit.ec2.Timings;
import io.imgbuild.testkit.vagrant.VagrantHome;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Whole amazon-ebs builds against the EC2 simulator, whose instances are a real sshd on loopback:
 * the shell provisioner runs for real, the AMI is copied to two regions and tagged, and the
 * simulator is asked afterwards what the build left behind.
 */
class AmazonEbsBuildTest {

    @RegisterExtension
    static final SshdPerClass SSHD = new SshdPerClass();

    static Ec2Simulator simulator(OpenSshServer sshd, Timings timings) throws Exception {
        return Ec2Simulator.start(Ec2Config.defaults().withTimings(timings)
                .withSsh(SshEndpoint.of("127.0.0.1", sshd.port())));
    }

    private static Ec2Simulator simulator() throws Exception {
        return simulator(SSHD.server(), Timings.uniform(Duration.ofMillis(800)));
    }

    private static String builder(Ec2Simulator ec2, String extra) {
        return builder(ec2, SSHD.server(), extra);
    }

    /** An amazon-ebs builder for the simulator whose instances are {@code sshd}; {@code extra} is more JSON members. */
    static String builder(Ec2Simulator ec2, OpenSshServer sshd, String extra) {
        return """
                {"type": "amazon-ebs", "access_key": "AKIDIMGBUILDTEST", "secret_key": "not-a-secret-really",
                 "region": "us-east-1", "custom_endpoint_ec2": "%s",
                 "source_ami_filter": {"owners": ["136693071363"], "most_recent": true,
                                       "filters": {"name": "debian-12-amd64-*", "architecture": "x86_64"}},
                 "instance_type": "t3.micro", "ssh_username": "%s", "ssh_port": %d,
                 "ssh_private_key_file": "%s", "ssh_timeout": "60s",
                 "aws_polling": {"delay_seconds": 1, "max_attempts": 60}%s}
                """.formatted(ec2.endpoint(), sshd.user(), sshd.port(), sshd.privateKey(), extra);
    }

    @Test
    void buildsCopiesAndTagsAnAmiAndLeavesOnlyTheAmis(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator()) {
            Files.writeString(dir.resolve("t.json"), """
                    {
                      "builders": [%s],
                      "provisioners": [{"type": "shell", "inline": ["echo provisioned on $(hostname) as $(id -un)"]}],
                      "post-processors": [
                        {"type": "manifest", "output": "out/manifest.json"},
                        {"type": "vagrant", "output": "out/aws.box"}
                      ]
                    }
                    """.formatted(builder(ec2, """
                    , "ami_name": "imgbuild-test {{timestamp}}", "ami_description": "from {{ .SourceAMIName }}",
                    "ami_regions": ["us-west-2", "eu-west-1", "us-west-2"],
                    "tags": {"Base": "{{ .SourceAMIName }}", "Region": "{{ .BuildRegion }}", "Team": "images"},
                    "snapshot_tags": {"Of": "imgbuild-test"},
                    "run_tags": {"Purpose": "imgbuild test"}""")));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.out().contains("provisioned on"), r.out());
            Leftovers left = ec2.leftovers();
            assertEquals(List.of(), left.ofType("instance"), left.toString());
            assertEquals(List.of(), left.ofType("key-pair"), left.toString());
            assertEquals(List.of(), left.ofType("security-group"), left.toString());
            assertEquals(List.of("eu-west-1", "us-east-1", "us-west-2"),
                    left.ofType("image").stream().map(Leftovers.Item::region).sorted().toList(), left.toString());
            String manifest = Files.readString(dir.resolve("out/manifest.json"));
            for (Leftovers.Item image : left.ofType("image")) {
                assertTrue(manifest.contains(image.region() + ":" + image.id()), manifest + r.out());
                try (Ec2Client client = client(ec2, image.region())) {
                    Image ami = client.describeImages(b -> b.imageIds(image.id())).images().get(0);
                    Map<String, String> tags = tags(ami.tags());
                    assertTrue(tags.get("Base").startsWith("debian-12-amd64-"), tags.toString());
                    assertEquals(image.region(), tags.get("Region"), "BuildRegion is rendered per region");
                    assertEquals("images", tags.get("Team"));
                    assertTrue(ami.description().startsWith("from debian-12-amd64-"), ami.description());
                    String snapshot = ami.blockDeviceMappings().get(0).ebs().snapshotId();
                    Snapshot s = client.describeSnapshots(b -> b.snapshotIds(snapshot)).snapshots().get(0);
                    assertEquals("imgbuild-test", tags(s.tags()).get("Of"));
                }
            }
            String vagrantfile = Shell.run(dir, "tar", "-xzOf", "out/aws.box", "Vagrantfile");
            for (Leftovers.Item image : left.ofType("image")) {
                assertTrue(vagrantfile.contains("aws.region_config \"" + image.region() + "\", ami: \"" + image.id() + "\""),
                        vagrantfile);
            }
            try (VagrantHome vagrant = VagrantHome.create()) {
                vagrant.run(dir, "box", "add", "--name", "t", dir.resolve("out/aws.box").toString()).orThrow();
                assertEquals(List.of("t (aws, 0)"), vagrant.boxList());
            }
        }
    }

    @Test
    void withThirtyPercentOfCallsThrottledAndLateVisibilityTheBuildStillSucceeds(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator()) {
            ec2.faults().throttle(0.3).notFoundAfterCreate(Duration.ofSeconds(2));
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s], "provisioners": [{"type": "shell", "inline": ["echo provisioned"]}]}
                    """.formatted(builder(ec2, """
                    , "ami_name": "throttled {{timestamp}}", "ami_regions": ["us-west-2"], "tags": {"a": "b"}""")));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(ec2.faults().throttledCalls() > 0, "some calls were throttled");
            assertTrue(r.out().contains("RequestLimitExceeded (HTTP 503), retry 1 of 10"), "the log shows the retries:\n"
                    + r.out());
            Leftovers left = ec2.leftovers();
            assertEquals(List.of("image", "image", "snapshot", "snapshot"),
                    left.items().stream().map(Leftovers.Item::type).sorted().toList(), left.toString());
        }
    }

    @Test
    void aTakenAmiNameFailsBeforeLaunchingAndForceDeregisterReplacesIt(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator()) {
            String template = """
                    {"builders": [%s]}
                    """;
            Files.writeString(dir.resolve("t.json"), template.formatted(builder(ec2, ", \"ami_name\": \"fixed name\"")));
            assertEquals(0, CliRun.in(dir, "build", "t.json").exitCode());
            String first = ec2.leftovers().ofType("image").get(0).id();

            CliRun.Result again = CliRun.in(dir, "build", "t.json");
            assertEquals(ExitCodes.BUILD_FAILED, again.exitCode(), again.all());
            assertTrue(again.out().contains("an AMI named \"fixed name\" exists in us-east-1 (" + first
                    + "); set force_deregister"), again.out());
            assertTrue(!again.out().contains("Launching"), "nothing was launched:\n" + again.out());

            Files.writeString(dir.resolve("f.json"), template.formatted(builder(ec2,
                    ", \"ami_name\": \"fixed name\", \"force_deregister\": true, \"force_delete_snapshot\": true")));
            CliRun.Result forced = CliRun.in(dir, "build", "f.json");
            assertEquals(0, forced.exitCode(), forced.all());
            Leftovers left = ec2.leftovers();
            assertEquals(1, left.ofType("image").size(), left.toString());
            assertTrue(!left.ofType("image").get(0).id().equals(first), "the old AMI was replaced");
            assertEquals(1, left.ofType("snapshot").size(), "the old AMI's snapshot went with it: " + left);
        }
    }

    @Test
    void aFailureAfterTheCopiesRemovesEveryAmiItMade(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator()) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, """
                    , "ami_name": "shared {{timestamp}}", "ami_regions": ["us-west-2", "eu-west-1"],
                    "ami_groups": ["everyone"]""")));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
            assertTrue(r.out().contains("EC2 ModifyImageAttribute failed in us-east-1: InvalidParameterValue"), r.out());
            Leftovers left = ec2.leftovers();
            assertTrue(left.isEmpty(), "the AMIs in all three regions were removed:\n" + left + "\n" + r.out());
        }
    }

    @Test
    void encryptBootKeepsOnlyTheEncryptedAmiBuiltWithTheLaunchMappings(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator()) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, """
                    , "ami_name": "encrypted {{timestamp}}", "encrypt_boot": true, "ena_support": true,
                    "launch_block_device_mappings": [{"device_name": "/dev/xvda", "volume_size": 20, "volume_type": "gp3",
                                                      "delete_on_termination": true}],
                    "run_volume_tags": {"Purpose": "build volume"}""")));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.out().contains("Removing the unencrypted intermediate AMI"), r.out());
            Leftovers left = ec2.leftovers();
            assertEquals(1, left.ofType("image").size(), left.toString());
            assertEquals(1, left.ofType("snapshot").size(), "the intermediate AMI's snapshot went too: " + left);
            try (Ec2Client client = client(ec2, "us-east-1")) {
                Image ami = client.describeImages(b -> b.imageIds(left.ofType("image").get(0).id())).images().get(0);
                assertTrue(ami.blockDeviceMappings().get(0).ebs().encrypted(), ami.toString());
                assertEquals(20, ami.blockDeviceMappings().get(0).ebs().volumeSize(), ami.toString());
                assertTrue(ami.enaSupport(), "ena_support was set on the stopped instance: " + ami);
            }
        }
    }

    @Test
    void aMissingSourceAmiSaysWhatWasAskedAndWhere(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator()) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, ", \"ami_name\": \"x {{timestamp}}\"").replace("debian-12-amd64-*", "debian-99-*")));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
            assertTrue(r.out().contains("no AMI in us-east-1 matches source_ami_filter (owners [136693071363], filters"
                    + " {name=debian-99-*, architecture=x86_64})"), r.out());
            assertTrue(!r.all().contains("Exception"), "no stack trace for a user mistake:\n" + r.all());
            assertTrue(ec2.leftovers().isEmpty(), ec2.leftovers().toString());
        }
    }

    @Test
    void credentialsComeFromAProfileAndAWrongKeyIsOneClearLine(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = Ec2Simulator.start(Ec2Config.defaults().withTimings(Timings.uniform(Duration.ofMillis(800)))
                .withSsh(SshEndpoint.of("127.0.0.1", SSHD.server().port())).withAccessKeyId("AKIDFROMPROFILE"))) {
            Files.writeString(dir.resolve("credentials"), """
                    [default]
                    aws_access_key_id = AKIDNOTTHISONE
                    aws_secret_access_key = x
                    [imaging]
                    aws_access_key_id = AKIDFROMPROFILE
                    aws_secret_access_key = y
                    """);
            String keys = "\"access_key\": \"AKIDIMGBUILDTEST\", \"secret_key\": \"not-a-secret-really\",";
            Files.writeString(dir.resolve("profile.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, ", \"ami_name\": \"from profile {{timestamp}}\"")
                    .replace(keys, "\"profile\": \"imaging\", \"shared_credentials_file\": \"credentials\",")));
            CliRun.Result ok = CliRun.in(dir, "build", "profile.json");
            assertEquals(0, ok.exitCode(), ok.all());

            Files.writeString(dir.resolve("wrong.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, ", \"ami_name\": \"wrong key {{timestamp}}\"")));
            CliRun.Result wrong = CliRun.in(dir, "build", "wrong.json");
            assertEquals(ExitCodes.BUILD_FAILED, wrong.exitCode(), wrong.all());
            assertTrue(wrong.out().contains("EC2 DescribeRegions failed in us-east-1: AuthFailure: AWS was not able to"
                    + " validate the provided access credentials"), wrong.out());
            assertTrue(wrong.out().contains("check access_key/secret_key, profile or the AWS_* environment variables"),
                    wrong.out());
            assertTrue(!wrong.all().contains("Exception"), "no stack trace:\n" + wrong.all());
            assertEquals(1, ec2.leftovers().ofType("image").size(), "only the first build's AMI: " + ec2.leftovers());
        }
    }

    @Test
    void anUnknownRegionIsOneClearLine(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator()) {
            Files.writeString(dir.resolve("copy.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, ", \"ami_name\": \"x {{timestamp}}\", \"ami_regions\": [\"eu-nowhere-1\"]")));
            CliRun.Result copy = CliRun.in(dir, "build", "copy.json");
            assertEquals(ExitCodes.BUILD_FAILED, copy.exitCode(), copy.all());
            assertTrue(copy.out().contains("not a region the account can use: eu-nowhere-1 (enabled: us-east-1, "), copy.out());
            assertTrue(copy.out().contains("check region and ami_regions"), copy.out());

            Files.writeString(dir.resolve("build.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, ", \"ami_name\": \"x {{timestamp}}\"")
                    .replace("\"region\": \"us-east-1\"", "\"region\": \"eu-nowhere-1\"")));
            CliRun.Result build = CliRun.in(dir, "build", "build.json");
            assertEquals(ExitCodes.BUILD_FAILED, build.exitCode(), build.all());
            assertTrue(build.out().contains("EC2 DescribeRegions failed in eu-nowhere-1: AuthFailure"), build.out());
            assertTrue(!build.all().contains("Exception"), "no stack trace:\n" + build.all());
            assertTrue(ec2.leftovers().isEmpty(), ec2.leftovers().toString());
        }
    }

    @Test
    void theLaunchCarriesTheTemplatesKeyPairProfileUserDataAndNetworkChoices(@TempDir Path dir) throws Exception {
        try (Ec2Simulator ec2 = simulator(); Ec2Client client = client(ec2, "us-east-1")) {
            String publicKey = Files.readString(Path.of(SSHD.server().privateKey() + ".pub"));
            client.importKeyPair(b -> b.keyName("team-key").publicKeyMaterial(SdkBytes.fromUtf8String(publicKey)));
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s]}
                    """.formatted(builder(ec2, """
                    , "ami_name": "options {{timestamp}}", "ssh_keypair_name": "team-key", "ssh_interface": "private_ip",
                    "iam_instance_profile": "image-builder", "user_data": "#cloud-config\\nhostname: builder",
                    "shutdown_behavior": "terminate",
                    "subnet_filter": {"filters": {"default-for-az": "true"}, "most_free": true},
                    "security_group_filter": {"filters": {"group-name": "default"}}""")));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.out().contains("Using the existing key pair team-key"), r.out());
            assertTrue(r.out().contains("Subnet from subnet_filter: subnet-"), r.out());
            assertTrue(r.out().contains("Security groups from security_group_filter: sg-"), r.out());
            assertTrue(!r.out().contains("temporary security group"), "no temporary group with a filter:\n" + r.out());
            software.amazon.awssdk.services.ec2.model.Instance launched = client.describeInstances().reservations().stream()
                    .flatMap(x -> x.instances().stream()).findFirst().orElseThrow();
            assertEquals("team-key", launched.keyName());
            assertTrue(launched.iamInstanceProfile().arn().endsWith("image-builder"), launched.toString());
            String userData = client.describeInstanceAttribute(b -> b.instanceId(launched.instanceId())
                    .attribute("userData")).userData().value();
            assertEquals("#cloud-config\nhostname: builder",
                    new String(java.util.Base64.getDecoder().decode(userData), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("terminate", client.describeInstanceAttribute(b -> b.instanceId(launched.instanceId())
                    .attribute("instanceInitiatedShutdownBehavior")).instanceInitiatedShutdownBehavior().value());
            assertEquals(List.of("team-key"), ec2.leftovers().ofType("key-pair").stream().map(Leftovers.Item::detail).toList(),
                    "the user's key pair is kept");
        }
    }

    static Ec2Client client(Ec2Simulator ec2, String region) {
        return Ec2Client.builder().endpointOverride(ec2.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "x")))
                .build();
    }

    static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
