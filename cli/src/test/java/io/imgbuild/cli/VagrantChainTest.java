package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Shell;
import io.imgbuild.core.util.Json;
import io.imgbuild.testkit.vagrant.VagrantHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * file builder -> vagrant -> checksum -> manifest, through the CLI: a qcow2 made by qemu-img becomes
 * a libvirt box listed in a catalog; sha256sum verifies the checksum file, the manifest lists the
 * box and the catalog, and the real vagrant adds the box from the catalog.
 */
class VagrantChainTest {

    @Test
    void fileToVagrantToChecksumToManifest(@TempDir Path dir) throws Exception {
        Shell.run(dir, "qemu-img", "create", "-q", "-f", "qcow2", "disk.qcow2", "2G");
        Shell.run(dir, "qemu-io", "-c", "write -q -P 0x5a 0 512k", "disk.qcow2");
        Files.writeString(dir.resolve("t.json"), """
                {
                  "builders": [{"type": "file", "name": "deb", "source": "disk.qcow2", "target": "out/deb.qcow2"}],
                  "post-processors": [[
                    {"type": "vagrant", "provider_override": "libvirt", "output": "boxes/{{.BuildName}}-{{.Provider}}.box",
                     "catalog": {"name": "acme/deb", "version": "1.0.0"}},
                    {"type": "checksum", "output": "boxes/SHA256SUMS"},
                    {"type": "manifest", "output": "manifest.json"}
                  ]]
                }
                """);
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Creating a Vagrant box for the libvirt provider"), r.out());

        Path box = dir.resolve("boxes/deb-libvirt.box");
        String check = Shell.run(dir.resolve("boxes"), "sha256sum", "-c", "SHA256SUMS");
        assertTrue(check.contains("deb-libvirt.box: OK") && check.contains("acme-deb.json: OK"), check);
        assertFalse(Files.exists(dir.resolve("out/deb.qcow2")), "the builder's file is consumed (keep_input_artifact unset)");

        JsonNode build = Json.MAPPER.readTree(Files.readString(dir.resolve("manifest.json"))).get("builds").get(0);
        assertEquals("libvirt", build.get("artifact_id").asString());
        List<String> names = new ArrayList<>();
        build.get("files").forEach(f -> names.add(f.get("name").asString()));
        assertEquals(List.of("boxes/deb-libvirt.box", "boxes/acme-deb.json", "boxes/SHA256SUMS"), names);

        Path x = Files.createDirectory(dir.resolve("x"));
        Shell.run(dir, "tar", "-xzf", box.toString(), "-C", x.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("disk.qcow2")), Files.readAllBytes(x.resolve("box.img")));
        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", dir.resolve("boxes/acme-deb.json").toString()).orThrow();
            assertEquals(List.of("acme/deb (libvirt, 1.0.0)"), vagrant.boxList());
        }
    }
}
