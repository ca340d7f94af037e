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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C (SIGINT to a separate imgbuild process) at each stage of an amazon-ebs build that logs in
 * with a temporary key pair: afterwards the EC2 simulator holds no instance, key pair, security group,
 * AMI, snapshot or volume of the build.
 */
class AmazonEbsInterruptTest {

    /** Slow enough that each stage is still under way when the interrupt lands. */
    private static final Timings SLOW = new Timings(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofSeconds(4), Duration.ofMinutes(10));

    @ParameterizedTest
    @ValueSource(strings = {"Importing the temporary key pair", "Creating the temporary security group",
            "Launching a t3.micro instance", "Provisioning with shell", "Stopping the source instance",
            "Creating the AMI", "Copying us-east-1:"})
    void anInterruptLeavesNothingInTheAccount(String stage, @TempDir Path dir) throws Exception {
        try (Ec2WithSshd rig = Ec2WithSshd.start(SLOW)) {
            Ec2Simulator ec2 = rig.simulator();
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s],
                     "provisioners": [{"type": "shell", "inline": ["sleep 3"]}]}
                    """.formatted(AmazonEbsTemporaryKeyTest.builder(rig, "interrupted", "ed25519", """
                    , "ami_regions": ["eu-west-1"]""")));
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
