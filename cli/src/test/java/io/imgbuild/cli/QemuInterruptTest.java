package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliProcess;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.testkit.qemu.BaseDisks;
import io.imgbuild.testkit.qemu.Libvirt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a real qemu build, at the three places a user presses it: waiting for SSH,
 * provisioning, shutting down. Each time libvirt must have no machine of ours left, the output
 * directory and the build's scratch directory must be gone, and the exit code is the interrupted
 * one. And a build killed outright (SIGKILL) still leaves no machine running: libvirt destroys it
 * when the build's connection drops.
 */
class QemuInterruptTest {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @BeforeAll
    static void libvirtRuns() {
        assertTrue(Libvirt.available(), "no libvirt daemon at " + Libvirt.URI + ": run scripts/setup");
    }

    private static String vmName() {
        return "int-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void template(Path dir, String vm, String provisioner, String shutdown) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s], "provisioners": [%s]}
                """.formatted(QemuBuildTest.qemuBuilder(BaseDisks.auto(), vm, "")
                .replace("\"shutdown_command\": \"sudo poweroff\"", "\"shutdown_command\": \"" + shutdown + "\""),
                provisioner));
    }

    /** The scratch directories of one build process (named after its PID; other builds may run meanwhile). */
    private static Set<String> scratchDirsOf(long pid) throws IOException {
        try (Stream<Path> s = Files.list(TMP)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("imgbuild-qemu-" + pid + "-"))
                    .collect(Collectors.toSet());
        }
    }

    private static void interruptWhenShown(Path dir, String vm, String shown) throws Exception {
        long pid;
        try (CliProcess p = CliProcess.start(dir, Map.of(), "build", "t.json")) {
            pid = p.pid();
            p.awaitOutput(shown, BOOT);
            assertTrue(Libvirt.domains().contains(vm), "the machine runs before the interrupt");
            p.interrupt();
            int code = p.waitFor(Duration.ofSeconds(90));
            String out = p.out() + p.err();
            assertEquals(ExitCodes.INTERRUPTED, code, out);
            assertTrue(out.contains("Destroying the machine") || out.contains("The machine stopped"), out);
        }
        assertFalse(Libvirt.domains().contains(vm), "no machine of ours is left");
        assertFalse(Files.exists(dir.resolve("output-qemu")), "no output presented as complete");
        assertEquals(Set.of(), scratchDirsOf(pid), "scratch directories left in " + TMP);
    }

    @Test
    void interruptWhileWaitingForSsh(@TempDir Path dir) throws Exception {
        String vm = vmName();
        template(dir, vm, "{\"type\": \"shell\", \"inline\": [\"true\"]}", "sudo poweroff");
        interruptWhenShown(dir, vm, "Waiting for SSH on");
    }

    @Test
    void interruptWhileProvisioning(@TempDir Path dir) throws Exception {
        String vm = vmName();
        template(dir, vm, "{\"type\": \"shell\", \"inline\": [\"echo provisioning-has-begun\", \"sleep 600\"]}",
                "sudo poweroff");
        interruptWhenShown(dir, vm, "provisioning-has-begun");
    }

    @Test
    void interruptWhileShuttingDown(@TempDir Path dir) throws Exception {
        String vm = vmName();
        template(dir, vm, "{\"type\": \"shell\", \"inline\": [\"true\"]}", "echo shutdown-has-begun; sleep 600");
        interruptWhenShown(dir, vm, "shutdown-has-begun");
    }

    @Test
    void aKilledBuildLeavesNoMachineRunning(@TempDir Path dir) throws Exception {
        String vm = vmName();
        template(dir, vm, "{\"type\": \"shell\", \"inline\": [\"true\"]}", "sudo poweroff");
        try (CliProcess p = CliProcess.start(dir, Map.of(), "build", "t.json")) {
            p.awaitOutput("Waiting for SSH on", BOOT);
            assertTrue(Libvirt.domains().contains(vm));
            p.kill();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Libvirt.domains().contains(vm) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<String> left = Libvirt.domains();
        assertFalse(left.contains(vm), "libvirt destroyed the machine of the killed build: " + left);
    }
}
