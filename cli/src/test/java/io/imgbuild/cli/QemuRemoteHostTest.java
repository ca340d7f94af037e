package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliProcess;
import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.testkit.Commands;
import io.imgbuild.testkit.qemu.BaseDisks;
import io.imgbuild.testkit.qemu.Libvirt;
import io.imgbuild.testkit.qemu.TestPool;
import io.imgbuild.testkit.ssh.RemoteLibvirtHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A qemu build on a "remote" libvirt host: this machine's daemon reached through libvirt's ssh
 * (OpenSSH) transport and a real sshd, with the machine's files in a storage pool, its SSH port and the HTTP
 * server carried by imgbuild's own SSH session to the host, the boot command typed through the
 * remote libvirt. The domain sees only pool volumes.
 */
@Timeout(600)
class QemuRemoteHostTest {

    @TempDir
    static Path hostDir;
    private static RemoteLibvirtHost host;
    private static TestPool pool;

    @BeforeAll
    static void startHost() throws Exception {
        assertTrue(Libvirt.available(), "no libvirt daemon at " + Libvirt.URI + ": run scripts/setup");
        host = RemoteLibvirtHost.start(hostDir.resolve("sshd"));
        pool = TestPool.create(hostDir.resolve("pool"));
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static String builder(Path disk, String vm, String extra) {
        return QemuBuildTest.qemuBuilder(disk, vm, ", \"libvirt_uri\": \"" + host.uri() + "\","
                + " \"libvirt_pool\": \"" + pool.name() + "\"" + extra);
    }

    @Test
    void buildsOnTheRemoteHostWithFilesInItsPoolAndTrafficThroughTheTunnel(@TempDir Path dir) throws Exception {
        String vm = "r-" + UUID.randomUUID().toString().substring(0, 8);
        String token = UUID.randomUUID().toString();
        String marker = "marker-" + UUID.randomUUID();
        // The prompt disk's boot loader waits at "boot:": the boot command, typed through the remote
        // libvirt, boots it with a kernel argument that the guest's imgbuild-fetch unit downloads
        // from the HTTP server here, through the tunnel from the host's loopback.
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s],
                 "provisioners": [{"type": "shell", "inline": [
                   "echo fetched: $(cat /var/lib/imgbuild/fetched/marker.txt)",
                   "echo %s | sudo tee /var/tmp/imgbuild-remote-marker && sync"]}]}
                """.formatted(builder(BaseDisks.prompt(), vm, """
                , "http_content": {"/marker.txt": "%s"}, "boot_wait": "5s", "disk_additional_size": ["64M"],
                  "boot_command": ["debian imgbuild.fetch=http://{{ .HTTPIP }}:{{ .HTTPPort }}/marker.txt<enter>"]
                """.formatted(token)), marker));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.all().contains("to the libvirt host as volume imgbuild-"), r.all());
        assertTrue(r.all().contains("Created an empty qcow2 disk of 64.0 MiB on the libvirt host"), "made there, not copied: "
                + r.all());
        assertTrue(r.out().contains("Typing the boot command"), r.out());
        assertTrue(r.out().matches("(?s).*HTTP server: GET /marker.txt from \\S+ -> 200.*"), r.out());
        assertTrue(r.all().contains("fetched: " + token), "the guest reached the HTTP server through the tunnel: " + r.all());

        Path image = dir.resolve("output-qemu").resolve(vm);
        String check = Commands.run(List.of("qemu-img", "check", image.toString())).orThrow();
        assertTrue(check.contains("No errors were found on the image."), check);
        String extra = Commands.run(List.of("qemu-img", "check", dir.resolve("output-qemu").resolve(vm + "-1").toString()))
                .orThrow();
        assertTrue(extra.contains("No errors were found on the image."), extra);
        String info = Commands.run(List.of("qemu-img", "info", image.toString())).orThrow();
        assertFalse(info.contains("backing file"), "a standalone image, not an overlay on a pool volume: " + info);
        Path raw = dir.resolve("image.raw");
        Commands.run(List.of("qemu-img", "convert", "-O", "raw", image.toString(), raw.toString()), null,
                Duration.ofMinutes(2)).orThrow();
        assertTrue(contains(raw, marker), "the provisioner's marker came back in the image");

        assertEquals(List.of(), pool.volumes(), "every volume the build made is gone");
        assertFalse(Libvirt.domains().contains(vm), "the build's machine is gone");
        try (var files = Files.list(dir.resolve("output-qemu"))) {
            assertEquals(List.of(vm, vm + "-1"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the image and the additional disk, nothing else");
        }
    }

    @Test
    void aMissingPoolIsOneClearErrorAndLeavesNothing(@TempDir Path dir) throws Exception {
        String vm = "r-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("t.json"), "{\"builders\": [" + QemuBuildTest.qemuBuilder(BaseDisks.auto(), vm,
                ", \"libvirt_uri\": \"" + host.uri() + "\", \"libvirt_pool\": \"no-such-pool\"") + "]}");
        List<String> poolsBefore = TestPool.activePools();
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertNotEquals(0, r.exitCode(), r.all());
        assertTrue(r.all().contains("no-such-pool"), r.all());
        assertFalse(r.all().contains("\tat "), "no stack trace: " + r.all());
        assertEquals(poolsBefore, TestPool.activePools());
        assertEquals(List.of(), pool.volumes());
        assertFalse(Libvirt.domains().contains(vm));
    }

    @Test
    void ctrlCWhileProvisioningLeavesNoMachineAndNoVolume(@TempDir Path dir) throws Exception {
        String vm = "r-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s],
                 "provisioners": [{"type": "shell", "inline": ["echo provisioning-has-begun", "sleep 600"]}]}
                """.formatted(builder(BaseDisks.auto(), vm, "")));
        try (CliProcess p = CliProcess.start(dir, Map.of(), "build", "t.json")) {
            p.awaitOutput("provisioning-has-begun", Duration.ofMinutes(4));
            assertTrue(Libvirt.domains().contains(vm), "the machine runs before the interrupt");
            assertFalse(pool.volumes().isEmpty(), "the machine's volumes are in the pool before the interrupt");
            p.interrupt();
            int code = p.waitFor(Duration.ofSeconds(90));
            assertEquals(ExitCodes.INTERRUPTED, code, p.out() + p.err());
        }
        assertFalse(Libvirt.domains().contains(vm), "no machine of ours is left");
        assertEquals(List.of(), pool.volumes(), "no volume of ours is left");
        assertFalse(Files.exists(dir.resolve("output-qemu")), "no output presented as complete");
    }

    private static boolean contains(Path file, String text) throws Exception {
        return Commands.run(List.of("grep", "-c", "-a", "-F", text, file.toString()), null,
                Duration.ofMinutes(2)).ok();
    }
}
