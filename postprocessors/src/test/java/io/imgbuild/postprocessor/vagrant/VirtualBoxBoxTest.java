package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import io.imgbuild.testkit.vagrant.VagrantHome;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * virtualbox boxes from a hand-made VirtualBox export (our virtualbox builder does not exist yet):
 * an OVF with its disk, and the same packed as an OVA by the real tar, which is streamed into the box
 * without unpacking. Debian's vagrant adds the boxes.
 */
class VirtualBoxBoxTest {

    @TempDir
    Path dir;

    private Path ovf;
    private Path disk;
    private Runs runs;

    @BeforeEach
    void export() throws Exception {
        ovf = dir.resolve("deb.ovf");
        try (InputStream in = getClass().getResourceAsStream("/vagrant/deb.ovf")) {
            Files.write(ovf, in.readAllBytes());
        }
        disk = dir.resolve("deb-disk001.vmdk");
        byte[] bytes = new byte[2 << 20];
        new Random(7).nextBytes(bytes);
        Files.write(disk, bytes);
        runs = new Runs(dir);
    }

    private void assertVirtualBoxBox(String box) throws Exception {
        Path x = runs.unpack(box);
        assertArrayEquals(Files.readAllBytes(ovf), Files.readAllBytes(x.resolve("box.ovf")));
        assertArrayEquals(Files.readAllBytes(disk), Files.readAllBytes(x.resolve("deb-disk001.vmdk")));
        assertEquals(Json.MAPPER.readTree("{\"provider\": \"virtualbox\"}"),
                Json.MAPPER.readTree(Files.readString(x.resolve("metadata.json"))));
        assertTrue(Files.readString(x.resolve("Vagrantfile")).contains("config.vm.base_mac = \"0800271F2E3D\""),
                Files.readString(x.resolve("Vagrantfile")));
        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", "--name", "t", box).orThrow();
            assertEquals(List.of("t (virtualbox, 0)"), vagrant.boxList());
        }
    }

    @Test
    void ovfAndDiskFromAVirtualBoxBuild() throws Exception {
        FileArtifact vbox = new FileArtifact("mitchellh.virtualbox", "VM", List.of(ovf, disk), "VM files", Map.of());
        var result = runs.run("{\"output\": \"vb.box\"}", vbox);
        assertEquals("virtualbox", result.artifact().id());
        assertFalse(result.forceKeep());
        assertVirtualBoxBox("vb.box");
    }

    @Test
    void anOvaIsStreamedIntoTheBox() throws Exception {
        runs.sh("tar", "-cf", "deb.ova", "deb.ovf", "deb-disk001.vmdk");
        Path ova = dir.resolve("deb.ova");
        runs.run("{\"provider_override\": \"virtualbox\", \"output\": \"ova.box\"}",
                FileArtifact.of("packer.file", List.of(ova), "Stored file: " + ova));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("deb-disk001.vmdk", "deb.ova", "deb.ovf", "ova.box"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing unpacked next to the box");
        }
        assertVirtualBoxBox("ova.box");
    }

    @Test
    void anOvfWithoutAMacAddressIsRefused() throws Exception {
        Files.writeString(ovf, Files.readString(ovf).replace("MACAddress=\"0800271F2E3D\"", ""));
        StepFailure f = assertThrows(StepFailure.class, () -> runs.run("{\"output\": \"vb.box\"}",
                new FileArtifact("mitchellh.virtualbox", "VM", List.of(ovf, disk), "VM files", Map.of())));
        assertTrue(f.getMessage().contains("no MAC address for network adapter 0"), f.getMessage());
        assertFalse(Files.exists(dir.resolve("vb.box")));
    }

    @Test
    void twoOvfsAreRefused() throws Exception {
        Path second = Files.copy(ovf, dir.resolve("other.ovf"));
        StepFailure f = assertThrows(StepFailure.class, () -> runs.run("{\"output\": \"vb.box\"}",
                new FileArtifact("mitchellh.virtualbox", "VM", List.of(ovf, second, disk), "VM files", Map.of())));
        assertTrue(f.getMessage().contains("more than one OVF"), f.getMessage());
    }

    @Test
    void baseMacIsAdapterZerosWhateverTheAttributeOrder() {
        assertEquals("080027ABCDEF", OvfBaseMac.find("<Adapter MACAddress=\"080027000001\" slot=\"1\"/>"
                + "<Adapter type=\"virtio\" MACAddress=\"080027ABCDEF\" enabled=\"true\" slot=\"0\">").orElseThrow());
        assertTrue(OvfBaseMac.find("<Adapter slot=\"1\" MACAddress=\"080027000001\"/>").isEmpty());
    }
}
