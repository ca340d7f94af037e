package io.imgbuild.builder.qemu;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the libvirt domain of one build is made from: the template's choices plus what the
 * earlier steps found (accelerator, disks, ports).
 *
 * @param type          libvirt domain type: {@code kvm}, or {@code qemu} for TCG
 * @param disks         the build disk first, then additional disks
 * @param cdroms        installation ISO and a cd_files image, if any (booted after the disks)
 * @param serialLog     where virtlogd writes the guest's serial console
 * @param vncPort       the VNC display's TCP port, or 0 for none (then no screenshots either)
 * @param sshHostPort   host port forwarded to the guest's port 22 over user-mode networking, or 0
 * @param guestSshPort  the guest's SSH port (ssh_port)
 * @param extraArgs     qemuargs, appended to QEMU's command line as given
 */
record DomainSpec(String name, String type, String machine, int memoryMiB, int cpus, List<Disk> disks,
                  List<Path> cdroms, String cdromBus, Path serialLog, String vncListen, int vncPort, String netDevice,
                  int sshHostPort, int guestSshPort, List<String> extraArgs) {

    /** A hard disk of the machine: its file, format (qcow2/raw) and how QEMU uses it. */
    record Disk(Path file, String format, String bus, String cache, String discard, String detectZeroes) {
    }

    DomainSpec {
        disks = List.copyOf(disks);
        cdroms = List.copyOf(cdroms);
        extraArgs = List.copyOf(extraArgs);
    }
}
