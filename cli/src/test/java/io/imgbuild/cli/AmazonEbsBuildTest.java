package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Shell;
import io.imgbuild.testkit.ec2.Ec2Config;
import io.imgbuild.testkit.ec2.Ec2Simulator;
import io.imgbuild.testkit.ec2.Leftovers;
import io.imgbuild.testkit.ec2.SshEndpoint;
import io.imgbuild.testkit.ec2.Timings;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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

    private static OpenSshServer sshd;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start();
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    static Ec2Simulator simulator() throws Exception {
        return Ec2Simulator.start(Ec2Config.defaults().withTimings(Timings.uniform(Duration.ofMillis(800)))
                .withSsh(SshEndpoint.of("127.0.0.1", sshd.port())));
    }

    /** An amazon-ebs builder for the simulator; {@code extra} is more JSON members. */
    static String builder(Ec2Simulator ec2, String extra) {
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
