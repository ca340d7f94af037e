package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.testkit.qemu.Libvirt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accelerator choice on this host, whatever it is: unset, the builder uses KVM if it really runs
 * a guest here and says so, else TCG with the reason; {@code accelerator: kvm} then either uses KVM
 * or fails at once with that same reason, before anything is downloaded or started (Packer 1.6.6
 * waits out ssh_timeout). The ISO is missing on purpose: each build ends right after the choice.
 */
class QemuAcceleratorTest {

    private static final Pattern FELL_BACK = Pattern.compile("KVM cannot be used here \\((.+)\\): using TCG");

    @BeforeAll
    static void libvirtRuns() {
        assertTrue(Libvirt.available(), "no libvirt daemon at " + Libvirt.URI + ": run scripts/setup");
    }

    private static String template(String accelerator) {
        return """
                {"builders": [{"type": "qemu", "iso_url": "missing.iso", "iso_checksum": "none", "communicator": "none",
                               "vm_name": "accel-test"%s}]}
                """.formatted(accelerator == null ? "" : ", \"accelerator\": \"" + accelerator + "\"");
    }

    @Test
    void kvmIsUsedWhereItWorksAndRefusedAtOnceWhereItDoesNot(@TempDir Path dir) throws Exception {
        List<String> before = Libvirt.domains();
        Files.writeString(dir.resolve("best.json"), template(null));
        CliRun.Result best = CliRun.in(dir, "build", "best.json");
        assertNotEquals(0, best.exitCode(), "the ISO is missing: " + best.all());
        Matcher fellBack = FELL_BACK.matcher(best.out());
        boolean kvmWorks = best.out().contains("Using KVM acceleration");
        assertTrue(kvmWorks || fellBack.find(), "the choice and its reason are said:\n" + best.all());
        assertTrue(best.out().contains("Retrieving ISO"), "after the choice comes the download:\n" + best.all());

        Files.writeString(dir.resolve("kvm.json"), template("kvm"));
        long start = System.nanoTime();
        CliRun.Result kvm = CliRun.in(dir, "build", "kvm.json");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertNotEquals(0, kvm.exitCode(), kvm.all());
        if (kvmWorks) {
            assertTrue(kvm.out().contains("Using KVM acceleration"), kvm.all());
        } else {
            assertTrue(kvm.all().contains("accelerator is kvm, but KVM cannot run a guest on this host: "
                    + fellBack.group(1)), "the same reason, as an error:\n" + kvm.all());
            assertFalse(kvm.all().contains("Retrieving ISO"), "it stopped before the download:\n" + kvm.all());
            assertTrue(seconds < 60, "fails fast, not at ssh_timeout: " + seconds + " s");
        }
        assertEquals(before, Libvirt.domains(), "no machine (not even the KVM probe's) is left");
    }
}
