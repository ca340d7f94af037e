package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import io.imgbuild.testkit.vagrant.VagrantHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The catalog next to the box: what Vagrant's box metadata format needs, merged across providers and
 * versions, and accepted by the real {@code vagrant box add CATALOG} (which checks the sha256).
 */
class CatalogTest {

    @TempDir
    Path dir;

    private Artifact disk(String name, int fill) throws Exception {
        Path f = dir.resolve(name);
        byte[] bytes = new byte[1 << 20];
        java.util.Arrays.fill(bytes, (byte) fill);
        Files.write(f, bytes);
        return FileArtifact.of("packer.file", List.of(f), "disk");
    }

    private static String libvirt(String output, String version, String extra) {
        return "{\"provider_override\": \"libvirt\", \"output\": \"" + output + "\", \"catalog\": {\"name\": \"acme/deb\","
                + " \"version\": \"" + version + "\"" + extra + "}}";
    }

    private JsonNode catalog() throws Exception {
        return Json.MAPPER.readTree(Files.readString(dir.resolve("boxes/acme-deb.json")));
    }

    @Test
    void providersAndVersionsAreMergedAndVagrantAddsFromTheCatalog() throws Exception {
        Runs runs = new Runs(dir);
        PostProcessorResult r = runs.run(libvirt("boxes/deb-libvirt.box", "1.2.0", ", \"description\": \"Debian 12\""),
                disk("a.raw", 1));
        Path box = dir.resolve("boxes/deb-libvirt.box");
        Path catalogFile = dir.resolve("boxes/acme-deb.json");
        assertEquals(List.of(box, catalogFile), r.artifact().files(), "next to the box, named after the box");
        Files.copy(box, dir.resolve("keep.box"));
        r.artifact().destroy(); // as when a later post-processor consumes the box
        assertFalse(Files.exists(box));
        assertTrue(Files.exists(catalogFile), "the catalog is shared: destroying a box leaves it");
        Files.move(dir.resolve("keep.box"), box);

        runs.run("{\"output\": \"boxes/deb-aws.box\", \"catalog\": {\"name\": \"acme/deb\", \"version\": \"1.2.0\","
                + " \"url\": \"https://boxes.example.com/{{.BoxName}}/{{.BoxVersion}}/{{.BoxFile}}\"}}",
                AwsBoxTest.amis("us-east-1:ami-1"));
        runs.run(libvirt("boxes/deb-libvirt-2.box", "1.3.0", ""), disk("b.raw", 2));

        JsonNode c = catalog();
        assertEquals("acme/deb", c.get("name").asString());
        assertEquals("Debian 12", c.get("description").asString(), "kept when a later run does not set it");
        assertEquals(2, c.get("versions").size());
        JsonNode v12 = c.get("versions").get(0);
        assertEquals("1.2.0", v12.get("version").asString());
        JsonNode lv = v12.get("providers").get(0);
        assertEquals("libvirt", lv.get("name").asString());
        assertEquals(box.toUri().toString(), lv.get("url").asString());
        assertEquals("sha256", lv.get("checksum_type").asString());
        assertEquals(runs.sh("sha256sum", box.toString()).split(" ")[0], lv.get("checksum").asString());
        assertFalse(lv.has("architecture"));
        assertEquals("https://boxes.example.com/acme/deb/1.2.0/deb-aws.box", v12.get("providers").get(1).get("url").asString());
        assertEquals("1.3.0", c.get("versions").get(1).get("version").asString());

        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", "--provider", "libvirt", "--box-version", "1.2.0", catalogFile.toString()).orThrow();
            vagrant.run(dir, "box", "add", "--provider", "libvirt", catalogFile.toString()).orThrow();
            assertEquals(List.of("acme/deb (libvirt, 1.2.0)", "acme/deb (libvirt, 1.3.0)"), vagrant.boxList());
        }
    }

    @Test
    void theSameVersionAndProviderIsReplacedOnlyWithForce() throws Exception {
        Runs runs = new Runs(dir);
        runs.run(libvirt("boxes/one.box", "1.0.0", ""), disk("a.raw", 1));
        String before = Files.readString(dir.resolve("boxes/acme-deb.json"));

        StepFailure f = assertThrows(StepFailure.class, () -> runs.run(libvirt("boxes/two.box", "1.0.0", ""), disk("b.raw", 2)));
        assertTrue(f.getMessage().contains("already lists version 1.0.0 of acme/deb for the libvirt provider")
                && f.getMessage().contains("-force"), f.getMessage());
        assertFalse(Files.exists(dir.resolve("boxes/two.box")), "checked before the box is written");
        assertEquals(before, Files.readString(dir.resolve("boxes/acme-deb.json")));

        runs.force = true;
        runs.run(libvirt("boxes/two.box", "1.0.0", ""), disk("b.raw", 2));
        JsonNode providers = catalog().get("versions").get(0).get("providers");
        assertEquals(1, providers.size());
        assertTrue(providers.get(0).get("url").asString().endsWith("/boxes/two.box"));
    }

    @Test
    void architecturesOfOneProviderSitSideBySide() throws Exception {
        Runs runs = new Runs(dir);
        runs.run("{\"provider_override\": \"libvirt\", \"output\": \"boxes/amd64.box\", \"architecture\": \"amd64\","
                + " \"catalog\": {\"name\": \"acme/deb\", \"version\": \"1.0.0\"}}", disk("a.raw", 1));
        runs.run("{\"provider_override\": \"libvirt\", \"output\": \"boxes/arm64.box\", \"architecture\": \"arm64\","
                + " \"catalog\": {\"name\": \"acme/deb\", \"version\": \"1.0.0\"}}", disk("b.raw", 2));
        JsonNode providers = catalog().get("versions").get(0).get("providers");
        assertEquals(List.of("amd64", "arm64"), List.of(providers.get(0).get("architecture").asString(),
                providers.get(1).get("architecture").asString()));
        JsonNode metadata = Json.MAPPER.readTree(Files.readString(runs.unpack("boxes/arm64.box").resolve("metadata.json")));
        assertEquals("arm64", metadata.get("architecture").asString());
    }

    @Test
    void aCatalogOfAnotherBoxOrNotACatalogIsLeftAlone() throws Exception {
        Files.createDirectories(dir.resolve("boxes"));
        Files.writeString(dir.resolve("boxes/acme-deb.json"), "{\"name\": \"other/box\", \"versions\": []}");
        StepFailure f = assertThrows(StepFailure.class, () -> new Runs(dir).run(libvirt("boxes/x.box", "1.0.0", ""),
                disk("a.raw", 1)));
        assertTrue(f.getMessage().contains("describes the box \"other/box\", not \"acme/deb\""), f.getMessage());
        Files.writeString(dir.resolve("boxes/acme-deb.json"), "{\"versions\": {}}");
        f = assertThrows(StepFailure.class, () -> new Runs(dir).run(libvirt("boxes/x.box", "1.0.0", ""), disk("a.raw", 1)));
        assertTrue(f.getMessage().contains("is not a Vagrant catalog"), f.getMessage());
        Files.writeString(dir.resolve("boxes/acme-deb.json"), "{\"versions\": [");
        f = assertThrows(StepFailure.class, () -> new Runs(dir).run(libvirt("boxes/x.box", "1.0.0", ""), disk("a.raw", 1)));
        assertTrue(f.getMessage().contains("is not valid JSON"), f.getMessage());
        assertFalse(Files.exists(dir.resolve("boxes/x.box")));
    }
}
