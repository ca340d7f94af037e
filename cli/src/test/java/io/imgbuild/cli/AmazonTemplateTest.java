package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.testkit.ec2.Ec2WithSshd;
import io.imgbuild.testkit.ec2.Leftovers;
import io.imgbuild.testkit.ec2.Timings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * templates/amazon/debian12-ami.json, as shipped, built against the EC2 simulator with credentials
 * from the SDK's default chain and a temporary ed25519 key pair: what templates/amazon/rehearse does.
 */
class AmazonTemplateTest {

    private static final Path TEMPLATE = Path.of("..", "templates", "amazon", "debian12-ami.json").toAbsolutePath().normalize();

    @Test
    void theShippedAmiTemplateBuildsAgainstTheSimulator(@TempDir Path dir) throws Exception {
        try (Ec2WithSshd rig = Ec2WithSshd.start(Timings.uniform(Duration.ofMillis(800)))) {
            // In-process, the SDK's default chain reads system properties (its first source), not CliRun's environment.
            System.setProperty("aws.accessKeyId", "AKIDTEMPLATE");
            System.setProperty("aws.secretAccessKey", "x");
            CliRun.Result r;
            try {
                r = CliRun.in(dir, "build", "-var", "custom_endpoint_ec2=" + rig.endpoint(),
                        "-var", "ssh_port=" + rig.sshPort(), "-var", "ssh_username=" + rig.user(), "-var", "output=out",
                        TEMPLATE.toString());
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.out().contains("amazon-ebs built at "), r.out());
            Leftovers left = rig.simulator().leftovers();
            assertEquals(List.of("us-east-1", "us-west-2"),
                    left.ofType("image").stream().map(Leftovers.Item::region).sorted().toList(), left.toString());
            assertEquals(4, left.items().size(), "two AMIs and their snapshots, nothing else: " + left);
            String manifest = Files.readString(dir.resolve("out/manifest.json"));
            left.ofType("image").forEach(i -> assertTrue(manifest.contains(i.region() + ":" + i.id()), manifest));
            assertTrue(Files.size(dir.resolve("out/debian12_aws.box")) > 0);
        }
    }
}
