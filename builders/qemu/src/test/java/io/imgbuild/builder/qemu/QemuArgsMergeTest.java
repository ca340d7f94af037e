package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import io.imgbuild.core.step.Cancellation;
import org.junit.jupiter.api.Test;

class QemuArgsMergeTest {

    private static final Path WD = Path.of("/work/tpl");
    private static final DomainSpec.Drive BUILD_DISK = new DomainSpec.Drive(Path.of("/work/tpl/out/.vm.building.qcow2"),
            DomainSpec.Device.DISK, "qcow2", "virtio", "writeback", "ignore", "off");
    private static final DomainSpec DEFAULTS = DomainXmlTest.spec("vm", List.of(BUILD_DISK,
            DomainSpec.Drive.cdrom(Path.of("/cache/debian.iso"), "ide"), DomainSpec.Drive.cdrom(Path.of("/w/cd.iso"), "ide"),
            DomainSpec.Drive.floppy(Path.of("/w/floppy.img"))), 5901);

    private static QemuArgsMerge.Result merge(String[]... args) {
        return QemuArgsMerge.apply(DEFAULTS, "virtio-net", Arrays.stream(args).map(List::of).toList(), WD,
                Map.of(Path.of("/work/tpl/out/vm"), BUILD_DISK), new PciDevices("qemu-system-x86_64", Cancellation.root()));
    }

    private static DomainSpec ok(String[]... args) {
        QemuArgsMerge.Result r = merge(args);
        assertEquals(List.of(), r.problems());
        return r.spec();
    }

    private static String[] a(String... parts) {
        return parts;
    }

    @Test
    void withoutQemuargsTheDefaultsStay() {
        assertEquals(DEFAULTS, ok());
    }

    @Test
    void memoryCpusAndMachineReplaceTheDefaultsInTheXmlNotOnTheCommandLine() {
        DomainSpec s = ok(a("-m", "2G"), a("-smp", "cpus=4,sockets=2"), a("-machine", "type=q35,accel=tcg,usb=off"),
                a("-cpu", "Haswell,+aes,-x2apic,pdpe1gb=off"), a("-name", "guest=renamed"));
        assertEquals(2048, s.memoryMiB());
        assertEquals(new DomainSpec.Vcpus(4, 4, 2, 2, 1), s.vcpus());
        assertEquals("q35", s.machine());
        assertEquals(new DomainSpec.Cpu("custom", "Haswell", Map.of("aes", "require", "x2apic", "disable",
                "pdpe1gb", "disable")), s.cpu());
        assertEquals("renamed", s.name());
        assertEquals(List.of("-rtc", "driftfix=slew", "-machine", "usb=off"), s.extraArgs(),
                "properties libvirt has no element for are merged by QEMU into libvirt's own -machine");
        assertEquals("tcg", merge(a("-machine", "type=q35,accel=tcg")).accel());
        assertEquals("kvm", merge(a("-enable-kvm")).accel());
        assertNull(merge(a("-machine", "accel=kvm:tcg")).accel(), "QEMU's fallback list is what the probe does anyway");
    }

    @Test
    void smpFollowsQemusArithmetic() {
        assertEquals(new DomainSpec.Vcpus(2, 2, 2, 1, 1), ok(a("-smp", "cpus=2,sockets=2")).vcpus(), "Packer's own default");
        assertEquals(new DomainSpec.Vcpus(4, 4, 1, 4, 1), ok(a("-smp", "4")).vcpus(), "QEMU 7 prefers cores");
        assertEquals(new DomainSpec.Vcpus(2, 8, 2, 2, 2), ok(a("-smp", "2,maxcpus=8,sockets=2,threads=2")).vcpus());
        assertEquals(new DomainSpec.Vcpus(8, 8, 2, 2, 2), ok(a("-smp", "sockets=2,cores=2,threads=2")).vcpus());
        assertTrue(merge(a("-smp", "cpus=3,sockets=2")).problems().get(0).message().contains("is 2, not 3 CPUs"));
        assertEquals(1536, ok(a("-m", "1536")).memoryMiB());
        assertEquals(512, ok(a("-m", "size=524288K")).memoryMiB());
        assertEquals(1536, ok(a("-m", "1.5G")).memoryMiB());
    }

    @Test
    void theEntriesOfOneSwitchAddUpAndValuesAreJoinedAsPackerJoinsThem() {
        // One entry's parts are joined without separator: this is the NIC, so ours goes.
        DomainSpec s = ok(a("-device", "virtio-net", ",netdev=user.0"), a("-device", "usb-tablet"), a("-no-hpet"));
        assertNull(s.nic());
        // QEMU (asked) says virtio-net is PCI and usb-tablet is not: only the first gets a slot of its own.
        assertEquals(List.of("-rtc", "driftfix=slew", "-device", "virtio-net,netdev=user.0,bus=pci.0,addr=0x11", "-device",
                "usb-tablet", "-no-hpet"), s.extraArgs());
        assertEquals(List.of("-rtc", "driftfix=slew", "-device", "e1000,netdev=n1,addr=0x5", "-device",
                "driver=virtio-rng-pci,bus=pci.0,addr=0x11"), ok(a("-device", "e1000,netdev=n1,addr=0x5"),
                a("-device", "driver=virtio-rng-pci")).extraArgs());
        // Devices without the net_device: Packer puts its NIC back (#6804), and so does imgbuild.
        assertEquals(DEFAULTS.nic(), ok(a("-device", "usb-tablet")).nic());
    }

    @Test
    void aNetdevOfTheUsersReplacesOurs() {
        DomainSpec s = ok(a("-netdev", "user,id=user.0,hostfwd=tcp::4022-:22"));
        assertNull(s.netdev());
        assertEquals(DEFAULTS.nic(), s.nic(), "our NIC stays, on the user's user.0");
        assertEquals(List.of("-rtc", "driftfix=slew", "-netdev", "user,id=user.0,hostfwd=tcp::4022-:22"), s.extraArgs());
    }

    @Test
    void drivesReplaceTheDisksAndCdsAndPackersOutputDiskMeansTheBuildDisk() {
        DomainSpec s = ok(a("-drive", "file=out/vm,if=virtio,cache=unsafe,format=raw"),
                a("-drive", "file=/isos/other.iso,media=cdrom"), a("-cdrom", "extra.iso"));
        assertEquals(List.of(
                new DomainSpec.Drive(BUILD_DISK.file(), DomainSpec.Device.DISK, "qcow2", "virtio", "unsafe", null, null),
                new DomainSpec.Drive(Path.of("/isos/other.iso"), DomainSpec.Device.CDROM, "raw", "ide", null, null, null),
                DomainSpec.Drive.floppy(Path.of("/w/floppy.img")),
                DomainSpec.Drive.cdrom(Path.of("/work/tpl/extra.iso"), "ide")), s.drives(),
                "the floppy is -fda in Packer, not -drive: it stays");
        assertEquals(List.of(DomainSpec.Drive.floppy(Path.of("/work/tpl/mine.img"))),
                ok(a("-fda", "mine.img")).drives().stream().filter(d -> d.device() == DomainSpec.Device.FLOPPY).toList());
    }

    @Test
    void bootVncDisplayVgaAndRtcMap() {
        assertEquals(DomainSpec.Boot.DEFAULT, ok(a("-boot", "once=d")).boot(), "libvirt has no boot-once: disks first");
        assertEquals(new DomainSpec.Boot("dc", true, 2500, -1), ok(a("-boot", "order=dc"), a("-boot", "menu=on,splash-time=2500"))
                .boot());
        assertEquals(new DomainSpec.Boot("nc", false, -1, -1), ok(a("-boot", "nc")).boot());
        DomainSpec vnc = ok(a("-vnc", "0.0.0.0:7"));
        assertEquals(List.of("0.0.0.0", 5907), List.of(vnc.vncListen(), vnc.vncPort()));
        assertEquals(0, ok(a("-vnc", "none")).vncPort());
        assertEquals(5903, ok(a("-display", "vnc=:3")).vncPort());
        assertEquals(DEFAULTS, ok(a("-display", "none"), a("-nographic")));
        assertEquals("vmvga", ok(a("-vga", "vmware")).video());
        assertEquals("localtime", ok(a("-rtc", "base=localtime")).clock());
    }

    @Test
    void whatCannotWorkThroughLibvirtIsRefusedWithItsIndexAndWhy() {
        QemuArgsMerge.Result r = merge(a("-m", "1G"), a("-daemonize"), a("-display", "gtk"), a("-netdev", "bridge,br=br0"),
                a("-serial", "stdio"), a("-drive", "if=none,file=x.img,id=d0,format=raw"), a("-m", "1G,maxmem=4G"),
                a("-hda", "x.img"), a("-vnc", "127.0.0.1:1,password"), a("-cpu", "host,migratable=maybe"), a());
        List<String> seen = r.problems().stream().map(p -> p.index() + " " + p.message()).toList();
        assertEquals(10, seen.size(), seen::toString);
        assertTrue(seen.contains("1 -daemonize cannot be used through libvirt: libvirt runs and watches QEMU itself"),
                seen::toString);
        assertTrue(seen.contains("2 -display gtk: the libvirt daemon cannot open a window on your desktop"), seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("3 -netdev bridge cannot work here")), seen::toString);
        assertTrue(seen.contains("4 -serial stdio: QEMU under libvirt has no terminal"), seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("5 -drive if=none,file=x.img,id=d0,format=raw: if=none")),
                seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("6 -m: \"maxmem\" is not mapped")), "the last -m entry: " + seen);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("7 -hda cannot be used")), seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("8 -vnc 127.0.0.1:1,password: VNC options")), seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("9 -cpu host,migratable=maybe: the property")), seen::toString);
        assertTrue(seen.contains("10 an empty qemuargs entry"), seen::toString);
        assertTrue(r.problems().stream().allMatch(p -> !p.hint().isEmpty()));
    }
}
