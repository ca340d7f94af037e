package io.imgbuild.builder.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The machine a build gets before qemuargs: Packer's defaults, as a {@link DomainSpec}. */
final class MachineDefaults {

    private MachineDefaults() {
    }

    /**
     * @param iso    the installation ISO (none for disk_image builds)
     * @param cd     the cd_files / cd_content image, if made
     * @param floppy the floppy_files / floppy_dirs image, if made
     */
    static DomainSpec spec(QemuConfig config, DiskPlan plan, String domainType, Path serialLog, int vncPort,
                           int sshHostPort, int guestSshPort, Optional<Path> iso, Optional<Path> cd,
                           Optional<Path> floppy) {
        List<DomainSpec.Drive> drives = new ArrayList<>();
        List<Path> machineDisks = plan.machineDisks();
        for (int i = 0; i < machineDisks.size(); i++) {
            String format = i == 0 ? plan.buildFormat() : config.format();
            drives.add(new DomainSpec.Drive(machineDisks.get(i), DomainSpec.Device.DISK, format, config.diskInterface(),
                    config.diskCache(), config.diskDiscard(), config.diskDetectZeroes()));
        }
        String cdromBus = cdromBus(config);
        iso.ifPresent(p -> drives.add(DomainSpec.Drive.cdrom(p, cdromBus)));
        cd.ifPresent(p -> drives.add(DomainSpec.Drive.cdrom(p, cdromBus)));
        floppy.ifPresent(p -> drives.add(DomainSpec.Drive.floppy(p)));
        String netdev = "user,id=" + DomainXml.NETDEV_ID;
        if (sshHostPort > 0) {
            netdev += ",hostfwd=tcp:127.0.0.1:" + sshHostPort + "-:" + guestSshPort;
        }
        String nic = config.netDevice() + ",netdev=" + DomainXml.NETDEV_ID + ",bus=pci.0,addr=" + DomainXml.NIC_PCI_ADDRESS;
        return new DomainSpec(config.vmName(), domainType, config.machineType(), config.effectiveMemory(),
                DomainSpec.Vcpus.of(config.effectiveCpus()), null, drives, DomainSpec.Boot.DEFAULT, "vga", "utc", serialLog,
                config.vncBindAddress(), vncPort, netdev, nic, List.of());
    }

    /**
     * The IDE bus unless cdrom_interface says otherwise: the i440FX machine's PIIX IDE is what every
     * x86 kernel drives (Debian's cloud kernel has ata_piix but no AHCI, so no SATA).
     */
    static String cdromBus(QemuConfig config) {
        return config.cdromInterface() == null || config.cdromInterface().isEmpty() ? "ide" : config.cdromInterface();
    }

    /**
     * Packer runs the machine on the output disk itself; a qemuargs -drive naming it (often as
     * {@code {{ .OutputDir }}/{{ .Name }}}) means the disk this build's machine really runs on.
     */
    static Map<Path, DomainSpec.Drive> aliases(DiskPlan plan, DomainSpec defaults) {
        return Map.of(plan.finalDisk().toAbsolutePath().normalize(), defaults.drives().get(0));
    }
}
