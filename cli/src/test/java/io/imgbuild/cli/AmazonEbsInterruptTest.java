package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliProcess;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.testkit.ec2.Ec2Simulator;
import io.imgbuild.testkit.ec2.Ec2WithSshd;
import io.imgbuild.testkit.ec2.Leftovers;
import io.imgbuild.testkit.ec2.Timings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT to a separate imgbuild process) at each stage of an amazon-ebs build that logs in
 * with a temporary key pair: afterwards the EC2 simulator holds no instance, key pair, security group,
 * AMI, snapshot or volume of the build. A stage that is quick on its own is made to last by a slow
 * EC2 action, as in a busy region.
 */
class AmazonEbsInterruptTest {

    /** Slow enough that each stage is still under way when the interrupt lands. */
    private static final Timings SLOW = new Timings(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofSeconds(4), Duration.ofMinutes(10));

    /** Each stage's console line, and the EC2 action made slow (answering 4 s late) so the stage lasts. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Checking that the AMI name | DescribeImages",
            "Finding the source AMI | DescribeImages",
            "Importing the temporary key pair | ImportKeyPair",
            "Creating the temporary security group | AuthorizeSecurityGroupIngress",
            "Launching a t3.micro instance | ",
            "Waiting for instance | ",
            "Waiting for SSH on | ",
            "Provisioning with shell | ",
            "Stopping the source instance | ",
            "Creating the AMI | ",
            "Copying us-east-1: | ",
            "Sharing | ModifyImageAttribute",
            "Tagging | CreateTags"})
    void anInterruptLeavesNothingInTheAccount(String stage, String slowAction, @TempDir Path dir) throws Exception {
        try (Ec2WithSshd rig = Ec2WithSshd.start(SLOW)) {
            Ec2Simulator ec2 = rig.simulator();
            if (slowAction != null) {
                ec2.faults().slow(slowAction, Duration.ofSeconds(4));
            }
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s],
                     "provisioners": [{"type": "shell", "inline": ["sleep 3"]}]}
                    """.formatted(AmazonEbsTemporaryKeyTest.builder(rig, "interrupted", "ed25519", """
                    , "ami_regions": ["eu-west-1"], "ami_users": ["123456789012"],
                    "tags": {"Name": "interrupted"}""")));
            try (CliProcess p = CliProcess.start(dir, Map.of(), "build", "t.json")) {
                p.awaitOutput(stage, Duration.ofSeconds(90));
                p.interrupt();
                int code = p.waitFor(Duration.ofSeconds(120));
                assertEquals(ExitCodes.INTERRUPTED, code, p.out() + p.err());
                Leftovers left = ec2.leftovers();
                assertTrue(left.isEmpty(), "after an interrupt at \"" + stage + "\" the account still holds:\n" + left
                        + "\n" + p.out());
            }
        }
    }
}
