package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether KVM can really run a guest, not just whether /dev/kvm exists: some hosts (nested,
 * paravirtual KVM) offer a KVM device that hangs or dies on an ordinary boot, and a build would then
 * wait out its whole ssh_timeout. The probe boots a one-sector program under KVM that tells QEMU to
 * exit through the isa-debug-exit port; under working KVM that takes well under a second, under TCG
 * about two.
 */
final class AcceleratorProbe {

    /** The answer, with why KVM cannot be used when it cannot. */
    record Verdict(boolean kvmWorks, String reason) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AcceleratorProbe.class);
    static final Duration LIMIT = Duration.ofSeconds(6);

    private AcceleratorProbe() {
    }

    /** @param files puts the probe's boot image where the libvirt host can open it */
    static Verdict probeKvm(Connect connect, Path workDir, HostFiles files, StepContext ctx) throws Exception {
        Cancellation cancellation = ctx.cancellation();
        String caps = connect.getCapabilities();
        if (!caps.contains("<domain type='kvm'") && !caps.contains("<domain type=\"kvm\"")) {
            return new Verdict(false, "libvirt offers no KVM domains on this host (no /dev/kvm, or no access to it)");
        }
        Path image = workDir.resolve("kvm-probe.img");
        Files.write(image, bootSector());
        String hostImage;
        try {
            hostImage = files.place(image, "kvm-probe", ctx);
        } catch (Exception e) {
            Files.deleteIfExists(image);
            throw e;
        }
        String name = "imgbuild-kvm-probe-" + UUID.randomUUID().toString().substring(0, 8);
        Domain d;
        try {
            d = connect.domainCreateXML(xml(name, hostImage), Domains.START_AUTODESTROY);
        } catch (LibvirtException e) {
            files.remove(image);
            Files.deleteIfExists(image);
            return new Verdict(false, "libvirt could not start a KVM guest: " + LibvirtErrors.message(e));
        }
        LOG.debug("KVM probe domain {} started", name);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!Domains.running(d)) {
                    return new Verdict(true, null);
                }
                cancellation.sleep(Duration.ofMillis(100));
            }
            return new Verdict(false, "a KVM guest did not get through its first boot instructions in "
                    + LIMIT.toSeconds() + " s (nested or paravirtual KVM that cannot run ordinary guests?)");
        } finally {
            try {
                if (Domains.running(d)) {
                    d.destroy();
                }
            } catch (LibvirtException e) {
                LOG.debug("KVM probe domain {} already gone", name, e);
            }
            files.remove(image);
            Files.deleteIfExists(image);
        }
    }


    /** {@code mov al,0x31; out 0xf4,al; hlt; jmp $-1}: exits QEMU through the isa-debug-exit device. */
    static byte[] bootSector() {
        byte[] sector = new byte[512];
        byte[] code = {(byte) 0xB0, 0x31, (byte) 0xE6, (byte) 0xF4, (byte) 0xF4, (byte) 0xEB, (byte) 0xFD};
        System.arraycopy(code, 0, sector, 0, code.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }

    private static String xml(String name, String image) {
        return "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"
                + "<name>" + name + "</name><memory unit='MiB'>16</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='fd'/></os>"
                + "<devices><disk type='file' device='floppy'><driver name='qemu' type='raw'/>"
                + "<source file='" + image + "'/><target dev='fda' bus='fdc'/></disk>"
                + "<memballoon model='none'/></devices>"
                + "<qemu:commandline><qemu:arg value='-device'/><qemu:arg value='isa-debug-exit,iobase=0xf4,iosize=0x04'/>"
                + "</qemu:commandline></domain>";
    }
}
