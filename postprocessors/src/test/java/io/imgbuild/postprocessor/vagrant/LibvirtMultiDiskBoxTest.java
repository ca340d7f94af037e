package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.FileArtifact;
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
 * A qemu artifact with an additional disk makes vagrant-libvirt's multi-disk (v2) box: box_1.img
 * (the build's main disk), box_2.img, and a "disks" array in metadata.json; Debian's vagrant with
 * vagrant-libvirt 0.11.2 adds it and keeps both disks.
 */
class LibvirtMultiDiskBoxTest {

    @TempDir
    Path dir;

    /** A qcow2 with a MiB of {@code pattern} at its start, so each disk's bytes tell it apart. */
    private Path qcow2(String name, String size, int pattern) throws Exception {
        Runs r = new Runs(dir);
        r.sh("qemu-img", "create", "-q", "-f", "qcow2", name, size);
        r.sh("qemu-io", "-c", "write -q -P " + pattern + " 0 1M", name);
        return dir.resolve(name);
    }

    /** The qemu builder's artifact: its main disk "deb" and the additional disks, in the given order. */
    private static FileArtifact qemuArtifact(List<Path> files) {
        return new FileArtifact("transcend.qemu", "VM", files, "VM files in directory: " + files.get(0).getParent(),
                Map.of("diskName", "deb", "diskType", "qcow2", "diskSize", "64",
                        "domainType", "kvm", "outputDirectory", files.get(0).getParent().toString()));
    }

    @Test
    void twoDisksMakeAV2BoxThatVagrantAddsWithBothDisks() throws Exception {
        Path main = qcow2("deb", "64M", 0xab);
        Path second = qcow2("deb-1", "32M", 0xcd);
        Runs runs = new Runs(dir);
        runs.run("{\"output\": \"two.box\", \"compression_level\": 1}", qemuArtifact(List.of(main, second)));

        assertEquals(List.of("Vagrantfile", "box_1.img", "box_2.img", "metadata.json"),
                runs.sh("tar", "-tf", "two.box").lines().filter(l -> !l.startsWith("tar: ")).sorted().toList());
        Path x = runs.unpack("two.box");
        JsonNode metadata = Json.MAPPER.readTree(Files.readString(x.resolve("metadata.json")));
        assertEquals(Json.MAPPER.readTree("{\"provider\": \"libvirt\", \"format\": \"qcow2\","
                + " \"disks\": [{\"path\": \"box_1.img\"}, {\"path\": \"box_2.img\"}]}"), metadata);
        assertArrayEquals(Files.readAllBytes(main), Files.readAllBytes(x.resolve("box_1.img")), "box_1 is the main disk");
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(x.resolve("box_2.img")), "box_2 is deb-1");
        assertFalse(runs.said().contains("Not in the box"), runs.said());

        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", "--name", "t", "two.box").orThrow();
            assertEquals(List.of("t (libvirt, 0)"), vagrant.boxList());
            Path added = vagrant.home().resolve("boxes/t/0/libvirt");
            assertTrue(Files.isRegularFile(added.resolve("box_1.img")), "vagrant kept box_1.img in " + added);
            assertTrue(Files.isRegularFile(added.resolve("box_2.img")), "vagrant kept box_2.img in " + added);
            // what vagrant-libvirt does with each disk on `vagrant up`: qemu-img info, qcow2 required
            for (String disk : List.of("box_1.img", "box_2.img")) {
                JsonNode info = Json.MAPPER.readTree(runs.sh("qemu-img", "info", "--output=json",
                        added.resolve(disk).toString()));
                assertEquals("qcow2", info.get("format").asText(), disk);
            }
        }
    }

    @Test
    void theMainDiskIsBox1WhereverTheArtifactListsIt() throws Exception {
        Path main = qcow2("deb", "16M", 0xab);
        Path first = qcow2("deb-1", "16M", 0x11);
        Path second = qcow2("deb-2", "16M", 0x22);
        Runs runs = new Runs(dir);
        runs.run("{\"output\": \"three.box\", \"compression_level\": 0}", qemuArtifact(List.of(first, main, second)));

        Path x = runs.unpack("three.box");
        assertArrayEquals(Files.readAllBytes(main), Files.readAllBytes(x.resolve("box_1.img")), "diskName boots");
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(x.resolve("box_2.img")));
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(x.resolve("box_3.img")));
    }
}
