package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include, vagrantfile_template and override.<provider>, on real boxes unpacked by tar. */
class BoxOptionsTest {

    @TempDir
    Path dir;

    private Artifact disk() throws Exception {
        Path f = dir.resolve("d.raw");
        Files.write(f, new byte[4096]);
        return FileArtifact.of("packer.file", List.of(f), "disk");
    }

    @Test
    void includesGoInAndAnIncludedMetadataJsonWins() throws Exception {
        Files.createDirectories(dir.resolve("extra"));
        Files.writeString(dir.resolve("extra/info.txt"), "hello\n");
        Files.writeString(dir.resolve("extra/metadata.json"), "{\"provider\": \"libvirt\", \"format\": \"raw\", \"virtual_size\": 9}");
        Files.writeString(dir.resolve("extra/Vagrantfile"), "# mine\n");
        Runs runs = new Runs(dir);
        runs.run("{\"provider_override\": \"libvirt\", \"output\": \"i.box\", \"include\": [\"extra/info.txt\","
                + " \"extra/metadata.json\", \"extra/Vagrantfile\"]}", disk());
        Path x = runs.unpack("i.box");
        assertEquals("hello\n", Files.readString(x.resolve("info.txt")));
        assertEquals(9, Json.MAPPER.readTree(Files.readString(x.resolve("metadata.json"))).get("virtual_size").asInt());
        assertFalse(Files.readString(x.resolve("Vagrantfile")).contains("# mine"), "the box's own Vagrantfile wins");
        assertTrue(runs.said().contains("Using the included metadata.json"), runs.said());
    }

    @Test
    void aMissingIncludeStopsBeforeTheBoxIsWritten() throws Exception {
        StepFailure f = assertThrows(StepFailure.class, () -> new Runs(dir).run("{\"provider_override\": \"libvirt\","
                + " \"output\": \"i.box\", \"include\": [\"gone.txt\"]}", disk()));
        assertTrue(f.getMessage().startsWith("include[0]: \"gone.txt\" does not exist"), f.getMessage());
        assertFalse(Files.exists(dir.resolve("i.box")));
    }

    @Test
    void theVagrantfileTemplateIsRenderedAfterTheProvidersPart() throws Exception {
        Files.writeString(dir.resolve("Vagrantfile.tpl"), """
                Vagrant.configure("2") do |config|
                  config.vm.box = "{{.BoxName}}" # {{.Provider}} {{.BuildName}} {{.BuilderType}} {{.BoxVersion}}
                end
                """);
        Runs runs = new Runs(dir);
        runs.run("{\"provider_override\": \"libvirt\", \"output\": \"t.box\", \"vagrantfile_template\": \"Vagrantfile.tpl\","
                + " \"catalog\": {\"name\": \"acme/deb\", \"version\": \"2.0\"}}", disk());
        String vagrantfile = Files.readString(runs.unpack("t.box").resolve("Vagrantfile"));
        int provider = vagrantfile.indexOf("config.vm.provider :libvirt");
        int custom = vagrantfile.indexOf("config.vm.box = \"acme/deb\" # libvirt deb qemu 2.0");
        assertTrue(provider >= 0 && custom > provider, vagrantfile);
        assertEquals("", runs.sh("ruby", "-c", runs.unpack("t.box").resolve("Vagrantfile").toString())
                .replace("Syntax OK", "").trim());
    }

    @Test
    void aTemplateFieldThatDoesNotExistIsExplained() throws Exception {
        Files.writeString(dir.resolve("Vagrantfile.tpl"), "# {{.BoxName}}\n");
        StepFailure f = assertThrows(StepFailure.class, () -> new Runs(dir).run("{\"provider_override\": \"libvirt\","
                + " \"output\": \"t.box\", \"vagrantfile_template\": \"Vagrantfile.tpl\"}", disk()));
        assertTrue(f.getMessage().startsWith("vagrantfile_template " + dir.resolve("Vagrantfile.tpl")
                + " is not a valid template"), f.getMessage());
        assertTrue(f.getMessage().contains("{{.Provider}}") && !f.getMessage().contains("# {{"), f.getMessage());
        assertFalse(Files.exists(dir.resolve("t.box")));
    }

    @Test
    void overrideOfTheProviderApplies() throws Exception {
        Runs runs = new Runs(dir);
        var r = runs.run("{\"provider_override\": \"libvirt\", \"output\": \"all.box\", \"override\": {\"libvirt\":"
                + " {\"output\": \"lv-{{.Provider}}.box\", \"compression_level\": 0}, \"aws\": {\"output\": \"aws.box\"}}}",
                disk());
        Path box = dir.resolve("lv-libvirt.box");
        assertEquals(List.of(box), r.artifact().files());
        byte[] head = java.util.Arrays.copyOfRange(Files.readAllBytes(box), 257, 262);
        assertEquals("ustar", new String(head, java.nio.charset.StandardCharsets.US_ASCII), "libvirt's level 0");
        assertFalse(Files.exists(dir.resolve("all.box")) || Files.exists(dir.resolve("aws.box")));
    }
}
