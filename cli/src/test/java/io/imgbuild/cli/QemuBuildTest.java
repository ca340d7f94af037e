package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.core.util.Json;
import io.imgbuild.testkit.Commands;
import io.imgbuild.testkit.qemu.BaseDisks;
import io.imgbuild.testkit.qemu.Libvirt;
import io.imgbuild.testkit.vagrant.VagrantHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

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
        return qemuBuilder(disk, vmName, "sudo poweroff", extra);
    }

    static String qemuBuilder(Path disk, String vmName, String shutdownCommand, String extra) {
        return """
                {"type": "qemu", "iso_url": "%s", "iso_checksum": "none", "disk_image": true, "disk_size": "4G",
                 "memory": 1024, "cpus": 2, "vm_name": "%s", "ssh_username": "vagrant", "ssh_password": "vagrant",
                 "ssh_timeout": "5m", "shutdown_command": "%s"%s}
                """.formatted(disk, vmName, shutdownCommand, extra);
    }

    @Test
    void buildsAnImageThatBootsWithTheProvisionersWork(@TempDir Path dir) throws Exception {
        String vm = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s],
                 "provisioners": [{"type": "shell", "inline": [
                   "echo built-by-imgbuild | sudo tee /etc/imgbuild-marker",
                   "sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hello"]}],
                 "post-processors": [{"type": "vagrant", "keep_input_artifact": true,
                                      "output": "boxes/{{.BuildName}}-{{.Provider}}.box"}]}
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

        // The qemu artifact feeds the vagrant post-processor: a libvirt box that the real vagrant adds,
        // whose metadata the builder's artifact filled (format, size) and whose disk is the built one.
        Path box = dir.resolve("boxes/qemu-libvirt.box");
        assertTrue(Files.isRegularFile(box), r.all());
        String metadata = Commands.run(List.of("tar", "-xzOf", box.toString(), "metadata.json")).orThrow();
        JsonNode meta = Json.MAPPER.readTree(metadata);
        assertEquals("libvirt", meta.path("provider").asText(), metadata);
        assertEquals("qcow2", meta.path("format").asText(), metadata);
        assertEquals(4, meta.path("virtual_size").asLong(), metadata); // disk_size 4096M, in GiB
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        Commands.run(List.of("tar", "-xzf", box.toString(), "-C", unpacked.toString(), "box.img")).orThrow();
        String info = Commands.run(List.of("qemu-img", "info", unpacked.resolve("box.img").toString())).orThrow();
        assertFalse(info.contains("backing file"), "the box's disk stands alone: " + info);
        try (VagrantHome vagrant = VagrantHome.create()) {
            vagrant.run(dir, "box", "add", "--name", vm, box.toString()).orThrow();
            assertEquals(List.of(vm + " (libvirt, 0)"), vagrant.boxList());
        }

        // Boot the artifact: the marker and the package are in it. The same boot proves the media and
        // qemuargs: a cloud-init style seed CD (cd_files + cd_content + cd_label) that the guest mounts by
        // its label, a floppy, and qemuargs that replace the memory, the CPU topology and the network
        // (whose port forward only works if {{ .SSHHostPort }} was rendered).
        String vm2 = vm + "-boot";
        Path seed = Files.createDirectories(dir.resolve("seed"));
        Files.writeString(seed.resolve("meta-data"), "instance-id: " + vm2 + "\n");
        Files.createDirectories(seed.resolve("scripts"));
        Files.writeString(seed.resolve("scripts/hello.sh"), "echo hello from the seed\n");
        Files.writeString(dir.resolve("floppy.cfg"), "floppy-marker\n");
        String token = UUID.randomUUID().toString();
        Files.writeString(dir.resolve("boot.json"), """
                {"builders": [%s],
                 "provisioners": [
                   {"type": "shell", "inline": ["cat /etc/imgbuild-marker", "hello",
                     "sudo mkdir -p /mnt/seed && sudo mount -o ro LABEL=cidata /mnt/seed",
                     "echo \\"user-data: $(cat /mnt/seed/user-data)\\"", "ls -R /mnt/seed", "sh /mnt/seed/scripts/hello.sh",
                     "echo \\"cpus: $(nproc) cores-per-socket: $(lscpu | awk '/^Core\\\\(s\\\\) per socket/ {print $4}')\\"",
                     "echo \\"mem-mib: $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo)\\"",
                     "if [ -e /sys/block/fd0 ]; then echo floppy-seen; else echo no-floppy-device; fi"]},
                   {"type": "shell-local", "inline": [
                     "virsh -c qemu:///system domblklist %s --details",
                     "iso=$(virsh -c qemu:///system domblklist %s --details | awk '$2 == \\"cdrom\\" {print $4}')",
                     "xorriso -indev \\"$iso\\" -find / -type f",
                     "xorriso -indev \\"$iso\\" -pvd_info | grep 'Volume Id'",
                     "fd=$(virsh -c qemu:///system domblklist %s --details | awk '$2 == \\"floppy\\" {print $4}')",
                     "mdir -i \\"$fd\\" ::/ && mtype -i \\"$fd\\" ::/floppy.cfg"]}]}
                """.formatted(qemuBuilder(image, vm2, "echo shutting-down-slowly; sleep 600", """
                , "shutdown_timeout": "5s", "use_backing_file": true, "output_directory": "boot",
                  "cd_files": ["seed/*"], "cd_content": {"user-data": "#cloud-config %s"}, "cd_label": "cidata",
                  "floppy_files": ["floppy.cfg"],
                  "qemuargs": [["-m", "768M"], ["-smp", "cpus=2,sockets=1,cores=2"],
                               ["-netdev", "user,id=user.0,hostfwd=tcp:127.0.0.1:{{ .SSHHostPort }}-:22"]]
                """.formatted(token)), vm2, vm2, vm2));
        CliRun.Result boot = CliRun.in(dir, "build", "boot.json");
        assertEquals(0, boot.exitCode(), boot.all());
        String out = boot.out();
        assertTrue(out.contains("built-by-imgbuild"), out);
        assertTrue(out.contains("Hello, world!"), out);
        // A shutdown_command that hangs does not hold the build: at shutdown_timeout the machine is
        // powered off, with a warning, and the build goes on.
        assertTrue(out.contains("shutting-down-slowly"), out);
        assertTrue(boot.all().contains("The machine did not stop within shutdown_timeout (5s): powering it off"),
                boot.all());
        // In the guest: the CD by its label, cd_content and a cd_files directory with its tree.
        assertTrue(out.contains("user-data: #cloud-config " + token), out);
        assertTrue(out.contains("hello from the seed"), out);
        assertTrue(out.contains("cpus: 2 cores-per-socket: 2"), out);
        java.util.regex.Matcher mem = java.util.regex.Pattern.compile("mem-mib: (\\d+)").matcher(out);
        assertTrue(mem.find(), out);
        int mib = Integer.parseInt(mem.group(1));
        assertTrue(mib > 600 && mib <= 768, "768M of memory, less what the kernel keeps: " + mib);
        // Debian's cloud kernel has no floppy driver: the guest cannot see it (checked on the host below).
        assertTrue(out.contains("no-floppy-device"), out);
        // On the host, while the machine ran: the attached CD and floppy are what the template asked for.
        assertTrue(out.matches("(?s).*'/meta-data'.*'/scripts/hello.sh'.*'/user-data'.*"), out);
        assertTrue(out.contains("Volume Id    : cidata"), out);
        assertTrue(out.contains("floppy-marker"), out);
        java.util.regex.Matcher media = java.util.regex.Pattern.compile("(?m)^.*(cdrom|floppy)\\s+\\S+\\s+(/\\S+)\\s*$")
                .matcher(out);
        List<Path> images = new java.util.ArrayList<>();
        while (media.find()) {
            images.add(Path.of(media.group(2)));
        }
        assertEquals(2, images.size(), out);
        for (Path p : images) {
            assertFalse(Files.exists(p), p + " is removed after the build");
            assertFalse(Files.exists(p.getParent()), "the scratch directory " + p.getParent() + " is gone");
        }
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
