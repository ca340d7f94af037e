package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.testkit.ec2.Ec2Call;
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
 * Builds that log in with a key pair made for them: nothing in the template but ssh_username. The
 * simulator installs the imported public key on its sshd (as cloud-init would) only while the
 * instance runs, so the login proves the key pair reached the instance. Two builds run in parallel
 * while 30% of calls are throttled, sharing the SDK's rate limiter.
 */
class AmazonEbsTemporaryKeyTest {

    @Test
    void parallelBuildsLogInWithTheirTemporaryKeyPairsAndDeleteThem(@TempDir Path dir) throws Exception {
        try (Ec2WithSshd rig = Ec2WithSshd.start(Timings.uniform(Duration.ofMillis(800)))) {
            rig.simulator().faults().throttle(0.3);
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s, %s],
                     "provisioners": [{"type": "shell", "inline": ["echo logged in to $PACKER_BUILD_NAME as $(id -un)"]}]}
                    """.formatted(builder(rig, "rsa-build", "rsa"), builder(rig, "ed25519-build", "ed25519")));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(0, r.exitCode(), r.all());
            for (String build : List.of("rsa-build", "ed25519-build")) {
                assertTrue(r.out().contains("logged in to " + build + " as " + rig.user()), r.out());
                assertTrue(r.out().contains(build + ": Importing the temporary key pair packer_"), r.out());
                assertTrue(r.out().contains(build + ": Deleting the temporary key pair packer_"), r.out());
            }
            List<Ec2Call> imports = rig.simulator().calls().stream().filter(c -> c.action().equals("ImportKeyPair")
                    && !c.failed()).toList();
            assertEquals(2, imports.size(), imports.toString());
            assertTrue(rig.simulator().faults().throttledCalls() > 0, "calls were throttled");
            Leftovers left = rig.simulator().leftovers();
            assertEquals(List.of(), left.ofType("key-pair"), left.toString());
            assertEquals(List.of(), left.ofType("instance"), left.toString());
            assertEquals(List.of(), left.ofType("security-group"), left.toString());
            assertEquals(2, left.ofType("image").size(), left.toString());
        }
    }

    private static String builder(Ec2WithSshd rig, String name, String keyType) {
        return builder(rig, name, keyType, "");
    }

    /** A build that logs in only with a temporary key pair of {@code keyType}; {@code extra} is more JSON members. */
    static String builder(Ec2WithSshd rig, String name, String keyType, String extra) {
        return """
                {"type": "amazon-ebs", "name": "%s", "access_key": "AKIDIMGBUILDTEST", "secret_key": "x",
                 "region": "us-east-1", "custom_endpoint_ec2": "%s", "source_ami_filter": {"owners": ["136693071363"],
                 "most_recent": true, "filters": {"name": "debian-12-amd64-*"}}, "instance_type": "t3.micro",
                 "ssh_username": "%s", "ssh_port": %d, "ssh_temporary_key_pair_type": "%s", "ssh_timeout": "60s",
                 "ami_name": "%s {{timestamp}}", "aws_polling": {"delay_seconds": 1, "max_attempts": 60}%s}
                """.formatted(name, rig.endpoint(), rig.user(), rig.sshPort(), keyType, name, extra);
    }
}
