package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Key;
import java.nio.file.Path;
import org.libvirt.Connect;
import org.libvirt.Domain;

/** What the qemu builder's steps hand to each other. */
final class QemuKeys {

    /** The libvirt connection; the domain is tied to it (auto-destroyed when it closes). */
    static final Key<Connect> LIBVIRT = new Key<>("qemu.libvirt");
    /** The libvirt domain type that works here: {@code kvm} or {@code qemu} (TCG). */
    static final Key<String> DOMAIN_TYPE = new Key<>("qemu.domainType");
    /** Scratch space of this build (serial log, overlay disks); removed in cleanup. */
    static final Key<Path> WORK_DIR = new Key<>("qemu.workDir");
    /** The host port forwarded to the guest's SSH port (user-mode networking). */
    static final Key<Integer> SSH_HOST_PORT = new Key<>("qemu.sshHostPort");
    /** When the machine was started (System.nanoTime()), for "N s after boot". */
    static final Key<Long> STARTED_AT = new Key<>("qemu.startedAt");
    /** The running machine. */
    static final Key<Domain> DOMAIN = new Key<>("qemu.domain");
    /** Set when QEMU has exited after the shutdown, whether or not libvirt has reported it yet. */
    static final Key<Boolean> MACHINE_STOPPED = new Key<>("qemu.machineStopped");
    /** The extra CD made from cd_files / cd_content, in the scratch directory. */
    static final Key<Path> CD_IMAGE = new Key<>("qemu.cdImage");
    /** The floppy made from floppy_files / floppy_dirs, in the scratch directory. */
    static final Key<Path> FLOPPY_IMAGE = new Key<>("qemu.floppyImage");
    /** The final disk image in the output directory. */
    static final Key<Path> OUTPUT_DISK = new Key<>("qemu.outputDisk");

    private QemuKeys() {
    }
}
