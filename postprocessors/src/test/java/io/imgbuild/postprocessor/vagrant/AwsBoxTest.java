package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import io.imgbuild.testkit.vagrant.VagrantHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aws boxes from an amazon-ebs artifact (constructed: our amazon builder does not exist yet): a
 * Vagrantfile mapping each region to its AMI, no disk, and the AMIs kept whatever the template says.
 * vagrant adds the box without the vagrant-aws plugin (it only unpacks it).
 */
class AwsBoxTest {

    @TempDir
    Path dir;

    /** An amazon-ebs artifact as Packer's has it. */
    static Artifact amis(String id) {
        return new Artifact() {
            @Override
            public String builderId() {
                return "mitchellh.amazonebs";
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Path> files() {
                return List.of();
            }

            @Override
            public String description() {
                return "AMIs were created: " + id;
            }

            @Override
            public void destroy() {
                throw new AssertionError("the AMIs must be kept");
            }
        };
    }

    @Test
    void regionsMapToTheirAmisAndTheAmisAreKept() throws Exception {
        Runs runs = new Runs(dir);
        PostProcessorResult r = runs.run("{}", amis("us-east-1:ami-1,eu-west-1:ami-0abc2"));
        assertTrue(r.keepInput() && r.forceKeep(), "a box that names AMIs needs them");
        assertEquals("aws", r.artifact().id());
        Path box = dir.resolve("packer_deb_aws.box");
        assertEquals(List.of(box), r.artifact().files());

        Path x = runs.unpack(box.getFileName().toString());
        try (var files = Files.list(x)) {
            assertEquals(List.of("Vagrantfile", "metadata.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(Json.MAPPER.readTree("{\"provider\": \"aws\"}"), Json.MAPPER.readTree(Files.readString(x.resolve("metadata.json"))));
        String vagrantfile = Files.readString(x.resolve("Vagrantfile"));
        assertTrue(vagrantfile.contains("aws.region_config \"us-east-1\", ami: \"ami-1\"\n")
                && vagrantfile.contains("aws.region_config \"eu-west-1\", ami: \"ami-0abc2\"\n"), vagrantfile);
        assertEquals("", runs.sh("ruby", "-c", x.resolve("Vagrantfile").toString()).replace("Syntax OK", "").trim());

        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", "--name", "t", box.toString()).orThrow();
            assertEquals(List.of("t (aws, 0)"), vagrant.boxList());
        }
    }

    @Test
    void anIdThatIsNotRegionAmiPairsIsRefused() {
        StepFailure f = assertThrows(StepFailure.class, () -> new Runs(dir).run("{}", amis("ami-1")));
        assertTrue(f.getMessage().contains("region:AMI pairs"), f.getMessage());
        assertTrue(!Files.exists(dir.resolve("packer_deb_aws.box")));
    }
}
