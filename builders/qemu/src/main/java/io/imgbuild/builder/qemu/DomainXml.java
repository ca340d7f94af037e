package io.imgbuild.builder.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link DomainSpec} as libvirt domain XML. Networking is QEMU's user mode (slirp) added on
 * the command line: it needs no bridge, no firewall rules and no root, and forwards a host port to the
 * guest's SSH port, as Packer's qemu builder does. (libvirt 9's own user-mode interface can forward
 * ports only with the passt backend, which it rejects here.)
 */
final class DomainXml {

    /** A PCI slot of its own: without one QEMU may give the NIC the slot libvirt gave the video card. */
    static final String NIC_PCI_ADDRESS = "0x10";
    static final String NETDEV_ID = "imgbuild-net0";

    private DomainXml() {
    }

    static String render(DomainSpec s) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<domain type='").append(attr(s.type())).append("' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n");
        x.append("  <name>").append(text(s.name())).append("</name>\n");
        x.append("  <memory unit='MiB'>").append(s.memoryMiB()).append("</memory>\n");
        x.append("  <vcpu>").append(s.cpus()).append("</vcpu>\n");
        x.append("  <os><type arch='x86_64' machine='").append(attr(s.machine())).append("'>hvm</type></os>\n");
        x.append("  <features><acpi/><apic/></features>\n");
        // A guest that powers itself off is gone; a reboot (installers, expect_disconnect) stays.
        x.append("  <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>\n");
        x.append("  <devices>\n");
        int boot = 1;
        List<String> used = new ArrayList<>();
        for (DomainSpec.Disk d : s.disks()) {
            String dev = deviceName(d.bus(), used);
            x.append("    <disk type='file' device='disk'><driver name='qemu' type='").append(attr(d.format()))
                    .append("' cache='").append(attr(d.cache())).append("' discard='").append(attr(d.discard()))
                    .append("' detect_zeroes='").append(attr(d.detectZeroes())).append("'/>")
                    .append("<source file='").append(attr(path(d.file()))).append("'/>")
                    .append("<target dev='").append(dev).append("' bus='").append(libvirtBus(d.bus())).append("'/>")
                    .append("<boot order='").append(boot++).append("'/></disk>\n");
        }
        // Disks boot first: a blank disk is skipped by the firmware, so an installer boots from the CD,
        // and after the installer's reboot the installed disk boots (Packer uses -boot once=d for this).
        for (Path iso : s.cdroms()) {
            String dev = deviceName(s.cdromBus(), used);
            x.append("    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/>")
                    .append("<source file='").append(attr(path(iso))).append("'/>")
                    .append("<target dev='").append(dev).append("' bus='").append(libvirtBus(s.cdromBus())).append("'/>")
                    .append("<readonly/><boot order='").append(boot++).append("'/></disk>\n");
        }
        if (s.disks().stream().anyMatch(d -> d.bus().equals("virtio-scsi") || d.bus().equals("scsi"))
                || s.cdromBus().equals("scsi")) {
            x.append("    <controller type='scsi' model='virtio-scsi'/>\n");
        }
        x.append("    <serial type='pty'><log file='").append(attr(path(s.serialLog())))
                .append("' append='off'/><target port='0'/></serial>\n");
        x.append("    <console type='pty'><target type='serial' port='0'/></console>\n");
        if (s.vncPort() > 0) {
            x.append("    <graphics type='vnc' port='").append(s.vncPort()).append("' autoport='no' listen='")
                    .append(attr(s.vncListen())).append("'/>\n");
        }
        x.append("    <video><model type='vga'/></video>\n");
        x.append("    <memballoon model='none'/>\n");
        x.append("  </devices>\n");
        x.append("  <qemu:commandline>\n");
        for (String arg : qemuArgs(s)) {
            x.append("    <qemu:arg value='").append(attr(arg)).append("'/>\n");
        }
        x.append("  </qemu:commandline>\n");
        x.append("</domain>\n");
        return x.toString();
    }

    /** The arguments libvirt cannot express: user-mode networking with its port forward, then qemuargs. */
    static List<String> qemuArgs(DomainSpec s) {
        List<String> args = new ArrayList<>();
        String netdev = "user,id=" + NETDEV_ID;
        if (s.sshHostPort() > 0) {
            netdev += ",hostfwd=tcp:127.0.0.1:" + s.sshHostPort() + "-:" + s.guestSshPort();
        }
        args.add("-netdev");
        args.add(netdev);
        args.add("-device");
        args.add(s.netDevice() + ",netdev=" + NETDEV_ID + ",bus=pci.0,addr=" + NIC_PCI_ADDRESS);
        args.addAll(s.extraArgs());
        return args;
    }

    private static String libvirtBus(String diskInterface) {
        return switch (diskInterface) {
            case "virtio" -> "virtio";
            case "ide" -> "ide";
            case "sata" -> "sata";
            default -> "scsi"; // scsi, virtio-scsi: on the virtio-scsi controller
        };
    }

    /** vda, vdb ... for virtio; hda, hdb ... for IDE; sda ... for SCSI and SATA. */
    private static String deviceName(String diskInterface, List<String> used) {
        String prefix = switch (libvirtBus(diskInterface)) {
            case "virtio" -> "vd";
            case "ide" -> "hd";
            default -> "sd";
        };
        for (char c = 'a'; c <= 'z'; c++) {
            String name = prefix + c;
            if (!used.contains(name)) {
                used.add(name);
                return name;
            }
        }
        throw new IllegalStateException("more than 26 " + prefix + " devices");
    }

    private static String path(Path p) {
        return p.toAbsolutePath().toString();
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String s) {
        return text(s).replace("'", "&apos;").replace("\"", "&quot;");
    }
}
