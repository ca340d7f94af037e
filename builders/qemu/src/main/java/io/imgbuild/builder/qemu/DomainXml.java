package io.imgbuild.builder.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link DomainSpec} as libvirt domain XML. Networking is QEMU's user mode (slirp) added on
 * the command line: it needs no bridge, no firewall rules and no root, and forwards a host port to the
 * guest's SSH port, as Packer's qemu builder does. (libvirt 9's own user-mode interface can forward
 * ports only with the passt backend, which it rejects here.)
 */
final class DomainXml {

    /** A PCI slot of its own: without one QEMU may give the NIC the slot libvirt gave the video card. */
    static final String NIC_PCI_ADDRESS = "0x10";
    /** Packer's id for the user-mode network, so qemuargs written for Packer ({@code netdev=user.0}) fit. */
    static final String NETDEV_ID = "user.0";

    private DomainXml() {
    }

    static String render(DomainSpec s) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<domain type='").append(attr(s.type())).append("' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n");
        x.append("  <name>").append(text(s.name())).append("</name>\n");
        x.append("  <memory unit='MiB'>").append(s.memoryMiB()).append("</memory>\n");
        DomainSpec.Vcpus v = s.vcpus();
        x.append("  <vcpu").append(v.current() < v.max() ? " current='" + v.current() + "'" : "").append('>')
                .append(v.max()).append("</vcpu>\n");
        x.append("  <os><type arch='x86_64' machine='").append(attr(s.machine())).append("'>hvm</type>");
        if (s.boot().menu()) {
            x.append("<bootmenu enable='yes'").append(s.boot().menuTimeoutMs() >= 0
                    ? " timeout='" + s.boot().menuTimeoutMs() + "'" : "").append("/>");
        }
        if (s.boot().rebootTimeoutMs() >= 0) {
            x.append("<bios rebootTimeout='").append(s.boot().rebootTimeoutMs()).append("'/>");
        }
        x.append("</os>\n");
        x.append("  <features><acpi/><apic/></features>\n");
        cpu(x, s);
        x.append("  <clock offset='").append(attr(s.clock())).append("'/>\n");
        // A guest that powers itself off is gone; a reboot (installers, expect_disconnect) stays.
        x.append("  <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>\n");
        x.append("  <devices>\n");
        BootOrder boot = new BootOrder(s.boot().order());
        List<String> used = new ArrayList<>();
        for (DomainSpec.Drive d : s.drives()) {
            drive(x, d, deviceName(d.bus(), used), boot.next(d.device().bootLetter));
        }
        if (s.drives().stream().anyMatch(d -> libvirtBus(d.bus()).equals("scsi"))) {
            x.append("    <controller type='scsi' model='virtio-scsi'/>\n");
        }
        if (s.serialLog() != null) {
            x.append("    <serial type='pty'><log file='").append(attr(path(s.serialLog())))
                    .append("' append='off'/><target port='0'/></serial>\n");
        } else {
            x.append("    <serial type='pty'><target port='0'/></serial>\n"); // a remote host's file: not ours to read
        }
        x.append("    <console type='pty'><target type='serial' port='0'/></console>\n");
        if (s.vncPort() > 0) {
            x.append("    <graphics type='vnc' port='").append(s.vncPort()).append("' autoport='no' listen='")
                    .append(attr(s.vncListen())).append("'/>\n");
        }
        x.append("    <video><model type='").append(attr(s.video())).append("'/></video>\n");
        x.append("    <memballoon model='none'/>\n");
        x.append("  </devices>\n");
        x.append("  <qemu:commandline>\n");
        for (String arg : qemuArgs(s, boot.next('n'))) {
            x.append("    <qemu:arg value='").append(attr(arg)).append("'/>\n");
        }
        x.append("  </qemu:commandline>\n");
        x.append("</domain>\n");
        return x.toString();
    }

    private static void drive(StringBuilder x, DomainSpec.Drive d, String dev, int bootOrder) {
        x.append("    <disk type='file' device='").append(d.device().libvirtName()).append("'><driver name='qemu' type='")
                .append(attr(d.format())).append('\'');
        optional(x, "cache", d.cache());
        optional(x, "discard", d.discard());
        optional(x, "detect_zeroes", d.detectZeroes());
        x.append("/><source file='").append(attr(path(d.file()))).append("'/>")
                .append("<target dev='").append(dev).append("' bus='").append(libvirtBus(d.bus())).append("'/>");
        if (d.device() == DomainSpec.Device.CDROM) {
            x.append("<readonly/>");
        }
        if (bootOrder > 0) {
            x.append("<boot order='").append(bootOrder).append("'/>");
        }
        x.append("</disk>\n");
    }

    private static void cpu(StringBuilder x, DomainSpec s) {
        DomainSpec.Cpu cpu = s.cpu();
        DomainSpec.Vcpus v = s.vcpus();
        if (cpu == null && v.sockets() == 0) {
            return;
        }
        x.append("  <cpu");
        if (cpu != null) {
            x.append(" mode='").append(attr(cpu.mode())).append('\'');
            if (cpu.mode().equals("custom")) {
                x.append(" match='exact' check='none'");
            }
        }
        x.append('>');
        if (cpu != null && cpu.model() != null) {
            x.append("<model fallback='forbid'>").append(text(cpu.model())).append("</model>");
        }
        if (v.sockets() > 0) {
            x.append("<topology sockets='").append(v.sockets()).append("' dies='1' cores='").append(v.cores())
                    .append("' threads='").append(v.threads()).append("'/>");
        }
        if (cpu != null) {
            for (Map.Entry<String, String> f : cpu.features().entrySet()) {
                x.append("<feature policy='").append(attr(f.getValue())).append("' name='").append(attr(f.getKey()))
                        .append("'/>");
            }
        }
        x.append("</cpu>\n");
    }

    /**
     * The arguments libvirt cannot express: user-mode networking with its port forward (unless
     * qemuargs replaced it), then the qemuargs libvirt has no element for.
     */
    static List<String> qemuArgs(DomainSpec s, int nicBootOrder) {
        List<String> args = new ArrayList<>();
        if (s.netdev() != null) {
            args.add("-netdev");
            args.add(s.netdev());
        }
        if (s.nic() != null) {
            args.add("-device");
            args.add(s.nic() + (nicBootOrder > 0 ? ",bootindex=" + nicBootOrder : ""));
        }
        args.addAll(s.extraArgs());
        return args;
    }

    /** Numbers the bootable devices 1, 2 ... in the order the -boot letters give their kinds. */
    private static final class BootOrder {
        private final String order;
        private final int[] nextInKind;

        BootOrder(String order) {
            this.order = order;
            this.nextInKind = new int[order.length()];
        }

        /**
         * The boot order of the next device of a kind, or 0 if that kind does not boot. Devices of an
         * earlier letter come first; within a kind, in the order they are attached.
         */
        int next(char letter) {
            int k = order.indexOf(letter);
            if (k < 0) {
                return 0;
            }
            // Each kind its own block of numbers: libvirt only needs them unique and in order.
            return k * 100 + ++nextInKind[k];
        }
    }

    private static void optional(StringBuilder x, String attribute, String value) {
        if (value != null) {
            x.append(' ').append(attribute).append("='").append(attr(value)).append('\'');
        }
    }

    static String libvirtBus(String diskInterface) {
        return switch (diskInterface) {
            case "virtio" -> "virtio";
            case "ide" -> "ide";
            case "sata" -> "sata";
            case "fdc", "floppy" -> "fdc";
            default -> "scsi"; // scsi, virtio-scsi: on the virtio-scsi controller
        };
    }

    /** vda, vdb ... for virtio; hda, hdb ... for IDE; sda ... for SCSI and SATA; fda, fdb for floppies. */
    private static String deviceName(String diskInterface, List<String> used) {
        String prefix = switch (libvirtBus(diskInterface)) {
            case "virtio" -> "vd";
            case "ide" -> "hd";
            case "fdc" -> "fd";
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
