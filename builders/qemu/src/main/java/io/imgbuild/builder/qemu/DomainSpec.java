package io.imgbuild.builder.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the libvirt domain of one build is made from: the template's choices, what the earlier
 * steps found (accelerator, disks, ports) and what qemuargs replaced ({@link QemuArgsMerge}).
 *
 * @param type       libvirt domain type: {@code kvm}, or {@code qemu} for TCG
 * @param vcpus      CPU count and, when given, topology
 * @param cpu        the guest CPU model, or null for libvirt's default
 * @param drives     disks (the build disk first), then CDs (installation ISO, cd_files image), then floppies
 * @param boot       which kinds of device boot, in which order, and the boot menu
 * @param video      libvirt video model (vga, cirrus, virtio, none ...)
 * @param clock      libvirt clock offset: utc or localtime
 * @param serialLog  where virtlogd writes the guest's serial console
 * @param vncPort    the VNC display's TCP port, or 0 for none
 * @param netdev     our user-mode {@code -netdev} value, or null when qemuargs bring their own
 * @param nic        our NIC's {@code -device} value, or null when qemuargs bring their own
 * @param extraArgs  qemuargs that libvirt has no element for, passed to QEMU as given
 */
record DomainSpec(String name, String type, String machine, int memoryMiB, Vcpus vcpus, Cpu cpu, List<Drive> drives,
                  Boot boot, String video, String clock, Path serialLog, String vncListen, int vncPort, String netdev,
                  String nic, List<String> extraArgs) {

    /** A disk, CD or floppy: its file and how QEMU attaches it. */
    record Drive(Path file, Device device, String format, String bus, String cache, String discard,
                 String detectZeroes) {

        static Drive cdrom(Path file, String bus) {
            return new Drive(file, Device.CDROM, "raw", bus, null, null, null);
        }

        static Drive floppy(Path file) {
            return new Drive(file, Device.FLOPPY, "raw", "fdc", null, null, null);
        }
    }

    /** The kinds of drive, each with its {@code -boot} letter. */
    enum Device {
        DISK('c'), CDROM('d'), FLOPPY('a');

        final char bootLetter;

        Device(char bootLetter) {
            this.bootLetter = bootLetter;
        }

        String libvirtName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param current CPUs online at boot
     * @param max     CPUs the machine can have (maxcpus); equal to current unless qemuargs say otherwise
     * @param sockets 0 when no topology was asked for (libvirt's default: one core per socket)
     */
    record Vcpus(int current, int max, int sockets, int cores, int threads) {
        static Vcpus of(int count) {
            return new Vcpus(count, count, 0, 0, 0);
        }
    }

    /**
     * @param mode     custom, host-passthrough or maximum
     * @param features feature name to libvirt policy (require, disable)
     */
    record Cpu(String mode, String model, Map<String, String> features) {
    }

    /**
     * @param order            -boot letters: c disks, d CDs, a floppies, n network, in boot order
     * @param menu             the firmware's boot menu
     * @param menuTimeoutMs    how long the menu waits (splash-time), or -1
     * @param rebootTimeoutMs  reboot after a failed boot after this long (reboot-timeout), or -1
     */
    record Boot(String order, boolean menu, int menuTimeoutMs, int rebootTimeoutMs) {
        /** Disks first: a blank disk is skipped by the firmware, so an installer boots from the CD, and after
         * its reboot the installed disk boots (what Packer's {@code -boot once=d} is for). */
        static final Boot DEFAULT = new Boot("cd", false, -1, -1);
    }

    DomainSpec {
        drives = List.copyOf(drives);
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * The same machine with its drives' files where the libvirt host sees them; files not in the map
     * (e.g. a qemuargs -drive naming a file on the host itself) stay as they are.
     *
     * @param hostPaths local file (absolute, normalised) to the host's path
     */
    DomainSpec onHost(Map<Path, String> hostPaths) {
        List<Drive> mapped = new ArrayList<>();
        for (Drive d : drives) {
            String there = hostPaths.get(HostFiles.key(d.file()));
            mapped.add(there == null ? d : new Drive(Path.of(there), d.device(), d.format(), d.bus(), d.cache(),
                    d.discard(), d.detectZeroes()));
        }
        return new DomainSpec(name, type, machine, memoryMiB, vcpus, cpu, mapped, boot, video, clock, serialLog,
                vncListen, vncPort, netdev, nic, extraArgs);
    }
}
