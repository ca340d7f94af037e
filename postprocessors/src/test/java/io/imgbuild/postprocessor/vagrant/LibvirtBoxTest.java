package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import io.imgbuild.testkit.vagrant.VagrantHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * libvirt boxes from the qemu builder's artifact and from a plain disk file, checked with the real
 * tools: tar unpacks them, qemu-img checks box.img, and Debian's vagrant (with vagrant-libvirt) adds
 * them.
 */
class LibvirtBoxTest {

    @TempDir
    Path dir;

    /** A qcow2 of {@code size} with a MiB of 0xab written at its start, so it has real content. */
    private Path qcow2(String name, String size) throws Exception {
        Runs r = new Runs(dir);
        r.sh("qemu-img", "create", "-q", "-f", "qcow2", name, size);
        r.sh("qemu-io", "-c", "write -q -P 0xab 0 1M", name);
        return dir.resolve(name);
    }

    private static FileArtifact qemuArtifact(Path disk, String domainType) {
        return new FileArtifact("transcend.qemu", "VM", List.of(disk), "VM files in directory: " + disk.getParent(),
                Map.of("diskName", disk.getFileName().toString(), "diskType", "qcow2", "diskSize", "1536",
                        "domainType", domainType, "outputDirectory", disk.getParent().toString()));
    }

    @Test
    void qemuArtifactMakesABoxThatVagrantAdds() throws Exception {
        Path disk = qcow2("deb", "1536M");
        Runs runs = new Runs(dir);
        PostProcessorResult result = runs.run("{\"output\": \"out/{{.BuildName}}-{{.Provider}}.box\"}",
                qemuArtifact(disk, "qemu"));

        Path box = dir.resolve("out/deb-libvirt.box");
        assertEquals(List.of(box), result.artifact().files());
        assertEquals("mitchellh.post-processor.vagrant", result.artifact().builderId());
        assertEquals("libvirt", result.artifact().id());
        assertFalse(result.keepInput());
        assertFalse(result.forceKeep());

        runs.sh("gzip", "-t", box.toString());
        Path x = runs.unpack(box.toString());
        JsonNode metadata = Json.MAPPER.readTree(Files.readString(x.resolve("metadata.json")));
        assertEquals(Json.MAPPER.readTree("{\"provider\": \"libvirt\", \"format\": \"qcow2\", \"virtual_size\": 2}"),
                metadata, "1536 MiB rounds up to 2 GB");
        assertTrue(Files.readString(x.resolve("Vagrantfile")).contains("libvirt.driver = \"qemu\""),
                "TCG build: the qemu driver");
        runs.sh("qemu-img", "check", x.resolve("box.img").toString());
        assertArrayEquals(Files.readAllBytes(disk), Files.readAllBytes(x.resolve("box.img")));
        assertTrue(runs.said().contains("sha256 " + runs.sh("sha256sum", box.toString()).split(" ")[0]), runs.said());

        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", "--name", "t", box.toString()).orThrow();
            assertEquals(List.of("t (libvirt, 0)"), vagrant.boxList());
        }
    }

    @Test
    void kvmBuildGetsTheKvmDriver() throws Exception {
        Path disk = qcow2("deb", "10M");
        Runs runs = new Runs(dir);
        runs.run("{\"output\": \"k.box\", \"compression_level\": 1}", qemuArtifact(disk, "kvm"));
        assertTrue(Files.readString(runs.unpack("k.box").resolve("Vagrantfile")).contains("libvirt.driver = \"kvm\""));
    }

    @Test
    void aFileArtifactWithProviderOverrideIsReadFromTheDisk() throws Exception {
        Path disk = qcow2("disk.qcow2", "3G");
        Runs runs = new Runs(dir);
        FileArtifact fromFileBuilder = FileArtifact.of("packer.file", List.of(disk), "Stored file: " + disk);
        runs.run("{\"provider_override\": \"libvirt\", \"output\": \"q.box\"}", fromFileBuilder);
        assertEquals(Json.MAPPER.readTree("{\"provider\": \"libvirt\", \"format\": \"qcow2\", \"virtual_size\": 3}"),
                Json.MAPPER.readTree(Files.readString(runs.unpack("q.box").resolve("metadata.json"))));
        String vagrantfile = Files.readString(runs.unpack("q.box").resolve("Vagrantfile"));
        assertFalse(vagrantfile.contains("driver"), "unknown accelerator: vagrant-libvirt's default\n" + vagrantfile);

        Path raw = dir.resolve("disk.raw");
        Files.write(raw, new byte[3 << 20]); // 3 MiB: rounded up to 1 GB
        runs.run("{\"provider_override\": \"libvirt\", \"output\": \"r.box\", \"compression_level\": 0}",
                FileArtifact.of("packer.file", List.of(raw), "raw"));
        assertEquals(Json.MAPPER.readTree("{\"provider\": \"libvirt\", \"format\": \"raw\", \"virtual_size\": 1}"),
                Json.MAPPER.readTree(Files.readString(runs.unpack("r.box").resolve("metadata.json"))));
        byte[] head = java.util.Arrays.copyOfRange(Files.readAllBytes(dir.resolve("r.box")), 257, 262);
        assertEquals("ustar", new String(head, java.nio.charset.StandardCharsets.US_ASCII), "level 0: not gzip'd");
        assertEquals("Vagrantfile\nbox.img\nmetadata.json", String.join("\n",
                runs.sh("tar", "-tf", "r.box").lines().filter(l -> !l.startsWith("tar: ")).sorted().toList()), "level 0: a plain tar");
        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", "--name", "raw", "r.box").orThrow();
            assertEquals(List.of("raw (libvirt, 0)"), vagrant.boxList());
        }
    }

    @Test
    void anArtifactOfUnknownOriginNeedsProviderOverride() throws Exception {
        Path disk = qcow2("d", "10M");
        StepFailure f = assertThrows(StepFailure.class, () -> new Runs(dir).run("{}",
                FileArtifact.of("packer.file", List.of(disk), "file")));
        assertTrue(f.getMessage().contains("set provider_override"), f.getMessage());
        assertFalse(Files.exists(dir.resolve("packer_deb_libvirt.box")));
    }

    @Test
    void aDiskOnABackingFileIsRefusedWithoutWritingABox() throws Exception {
        Path base = qcow2("base", "10M");
        Runs runs = new Runs(dir);
        runs.sh("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", "deb");
        StepFailure f = assertThrows(StepFailure.class, () -> runs.run("{\"output\": \"o.box\"}",
                qemuArtifact(dir.resolve("deb"), "qemu")));
        assertTrue(f.getMessage().contains("deb is a qcow2 overlay on " + base) && f.getMessage().contains("use_backing_file"),
                f.getMessage());
        assertFalse(Files.exists(dir.resolve("o.box")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("base", "deb"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no box and no temporary file");
        }
    }

    @Test
    void anExistingBoxIsReplacedOnlyWithForce() throws Exception {
        Path disk = qcow2("deb", "10M");
        Files.writeString(dir.resolve("b.box"), "earlier");
        Runs runs = new Runs(dir);
        StepFailure f = assertThrows(StepFailure.class, () -> runs.run("{\"output\": \"b.box\"}",
                qemuArtifact(disk, "kvm")));
        assertTrue(f.getMessage().contains("already exists") && f.getMessage().contains("-force"), f.getMessage());
        assertEquals("earlier", Files.readString(dir.resolve("b.box")));
        runs.force = true;
        runs.run("{\"output\": \"b.box\"}", qemuArtifact(disk, "kvm"));
        runs.sh("gzip", "-t", "b.box");
    }
}
