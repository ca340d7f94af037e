package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.testkit.Commands;
import io.imgbuild.testkit.qemu.BaseDisks;
import io.imgbuild.testkit.qemu.Libvirt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real qemu builds through the libvirt daemon that scripts/setup starts, from the Debian 12 base disk
 * that templates/debian12/make-base-disk makes (TCG here). The only test that needs Debian's package
 * mirror is the first: the guest installs a package.
 */
class QemuBuildTest {

    @BeforeAll
    static void libvirtRuns() {
        assertTrue(Libvirt.available(), "no libvirt daemon at " + Libvirt.URI + ": run scripts/setup");
    }

    static String qemuBuilder(Path disk, String vmName, String extra) {
        return """
                {"type": "qemu", "iso_url": "%s", "iso_checksum": "none", "disk_image": true, "disk_size": "4G",
                 "memory": 1024, "cpus": 2, "vm_name": "%s", "ssh_username": "vagrant", "ssh_password": "vagrant",
                 "ssh_timeout": "5m", "shutdown_command": "sudo poweroff"%s}
                """.formatted(disk, vmName, extra);
    }

    @Test
    void buildsAnImageThatBootsWithTheProvisionersWork(@TempDir Path dir) throws Exception {
        String vm = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s],
                 "provisioners": [{"type": "shell", "inline": [
                   "echo built-by-imgbuild | sudo tee /etc/imgbuild-marker",
                   "sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hello"]}]}
                """.formatted(qemuBuilder(BaseDisks.auto(), vm, "")));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        Path image = dir.resolve("output-qemu").resolve(vm);
        assertTrue(Files.isRegularFile(image), r.all());
        try (var files = Files.list(dir.resolve("output-qemu"))) {
            assertEquals(List.of(vm), files.map(p -> p.getFileName().toString()).toList(), "only the image is left");
        }
        String check = Commands.run(List.of("qemu-img", "check", image.toString())).orThrow();
        assertTrue(check.contains("No errors were found on the image."), check);
        assertFalse(Libvirt.domains().contains(vm), "the build's machine is gone");

        // Boot the artifact: the marker and the package are in it.
        String vm2 = vm + "-boot";
        Files.writeString(dir.resolve("boot.json"), """
                {"builders": [%s],
                 "provisioners": [{"type": "shell", "inline": ["cat /etc/imgbuild-marker", "hello"]}]}
                """.formatted(qemuBuilder(image, vm2, ", \"use_backing_file\": true, \"output_directory\": \"boot\"")));
        CliRun.Result boot = CliRun.in(dir, "build", "boot.json");
        assertEquals(0, boot.exitCode(), boot.all());
        assertTrue(boot.out().contains("built-by-imgbuild"), boot.out());
        assertTrue(boot.out().contains("Hello, world!"), boot.out());
        assertFalse(Libvirt.domains().contains(vm2));
    }

    @Test
    void theBootCommandIsTypedAndTheGuestFetchesFromTheBuildsHttpServer(@TempDir Path dir) throws Exception {
        String vm = "boot-" + UUID.randomUUID().toString().substring(0, 8);
        String token = UUID.randomUUID().toString();
        // The prompt disk's boot loader waits at "boot:"; the typed line boots its "debian" entry with a
        // kernel argument that the guest's imgbuild-fetch unit downloads.
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s],
                 "provisioners": [{"type": "shell", "inline": ["cat /var/lib/imgbuild/fetched/marker.txt"]}]}
                """.formatted(qemuBuilder(BaseDisks.prompt(), vm, """
                , "http_content": {"/marker.txt": "%s"}, "boot_wait": "5s",
                  "boot_command": ["debian imgbuild.fetch=http://{{ .HTTPIP }}:{{ .HTTPPort }}/marker.txt<enter>"]
                """.formatted(token))));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Typing the boot command"), r.out());
        assertTrue(r.out().matches("(?s).*HTTP server: GET /marker.txt from \\S+ -> 200.*"), r.out());
        assertTrue(r.out().contains(token), "the guest has the file the server served: " + r.out());
        assertFalse(Libvirt.domains().contains(vm));
    }

    @Test
    void whenSshNeverComesTheScreenAndTheUnfetchedFilesSayWhy(@TempDir Path dir) throws Exception {
        String vm = "stuck-" + UUID.randomUUID().toString().substring(0, 8);
        // The prompt disk waits at its boot loader forever when nobody types: SSH never comes.
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s]}
                """.formatted(qemuBuilder(BaseDisks.prompt(), vm,
                ", \"http_content\": {\"/preseed.cfg\": \"d-i x\"}").replace("\"5m\"", "\"20s\"")));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.all().contains("timed out after 20s waiting for SSH"), r.all());
        assertTrue(r.all().matches("(?s).*http_content file /?preseed.cfg was never requested.*"), r.all());
        Path png = dir.resolve(vm + "-console.png");
        assertTrue(r.all().contains(png.toString()), r.all());
        java.awt.image.BufferedImage screen = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(screen != null && screen.getWidth() >= 320 && screen.getHeight() >= 200, "a real screenshot: " + screen);
        assertFalse(Libvirt.domains().contains(vm));
        assertFalse(Files.exists(dir.resolve("output-qemu")));
    }
}
