package io.imgbuild.builder.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges qemuargs into the machine the way Packer merges them into its QEMU command line, translated
 * to libvirt. Packer builds default switches (-m, -smp, -machine, -boot, -name, -vnc, -display,
 * -netdev, -device, -drive, -fda ...) and a qemuargs entry whose switch is one of them replaces that
 * default entirely; entries of the same switch add up; an entry's values after the switch are joined
 * without separator. Here the defaults are domain XML, so a replaced default becomes different XML
 * (QEMU would refuse a second -vnc, and libvirt must know the real memory and CPU count), switches
 * libvirt owns are refused with the reason, and everything else goes to QEMU as given through
 * {@code <qemu:commandline>}. The module README has the table.
 */
final class QemuArgsMerge {

    /** A qemuargs entry that cannot work: which one (its index), why, and what to do. */
    record Problem(int index, String message, String hint) {
    }

    /**
     * @param accel    the accelerator qemuargs ask for (kvm or tcg, from -machine accel=, -accel or
     *                 -enable-kvm), or null
     */
    record Result(DomainSpec spec, String accel, List<Problem> problems) {
    }

    /** Switches libvirt sets itself and that a second copy would break, with what to do instead. */
    private static final Map<String, String> OWNED_BY_LIBVIRT = Map.ofEntries(
            Map.entry("-daemonize", "libvirt runs and watches QEMU itself"),
            Map.entry("-pidfile", "libvirt keeps QEMU's PID file"),
            Map.entry("-S", "libvirt starts the CPUs itself"),
            Map.entry("-no-shutdown", "libvirt sets it"),
            Map.entry("-nodefaults", "libvirt sets it"),
            Map.entry("-no-user-config", "libvirt sets it"),
            Map.entry("-runas", "libvirt chooses the user QEMU runs as (see /etc/libvirt/qemu.conf)"),
            Map.entry("-chroot", "libvirt confines QEMU itself"),
            Map.entry("-sandbox", "libvirt sets QEMU's sandbox"),
            Map.entry("-uuid", "libvirt gives every machine its UUID"),
            Map.entry("-readconfig", "a config file's devices would bypass libvirt"),
            Map.entry("-writeconfig", "libvirt owns QEMU's configuration"),
            Map.entry("-hda", "write it as [\"-drive\", \"file=...,if=ide,format=...\"]"),
            Map.entry("-hdb", "write it as [\"-drive\", \"file=...,if=ide,format=...\"]"),
            Map.entry("-hdc", "write it as [\"-drive\", \"file=...,if=ide,format=...\"]"),
            Map.entry("-hdd", "write it as [\"-drive\", \"file=...,if=ide,format=...\"]"));

    private QemuArgsMerge() {
    }

    /**
     * @param defaults   the machine without qemuargs (our -netdev and NIC included)
     * @param netDevice  net_device, which Packer adds as a NIC when the user's -device entries lack it
     * @param args       qemuargs, rendered
     * @param workingDir what relative -drive files are relative to
     * @param aliases    files named in -drive that stand for another (Packer's output disk for the build disk)
     * @param isPci      whether a -device driver is a PCI device ({@link PciDevices})
     */
    static Result apply(DomainSpec defaults, String netDevice, List<List<String>> args, Path workingDir,
                        Map<Path, DomainSpec.Drive> aliases, Predicate<String> isPci) {
        Draft d = new Draft(defaults);
        List<Problem> problems = new ArrayList<>();
        // Packer's grouping: switch -> its values in order (an entry with nothing after the switch adds none).
        Map<String, List<Integer>> indexes = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            List<String> entry = args.get(i);
            if (entry.isEmpty() || entry.get(0).isEmpty()) {
                problems.add(new Problem(i, "an empty qemuargs entry", "remove it, or write [\"-switch\", \"value\"]"));
                continue;
            }
            String key = entry.get(0).equals("-M") ? "-machine" : entry.get(0);
            indexes.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            String value = String.join("", entry.subList(1, entry.size()));
            List<String> vs = values.computeIfAbsent(key, k -> new ArrayList<>());
            if (!value.isEmpty()) {
                vs.add(value);
            }
        }
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String key = e.getKey();
            List<String> vs = e.getValue();
            int at = indexes.get(key).get(indexes.get(key).size() - 1);
            try {
                apply(d, key, vs, netDevice, workingDir, aliases, isPci);
            } catch (QemuArgValues.BadValue bad) {
                problems.add(new Problem(at, bad.getMessage(), bad.hint));
            }
        }
        return new Result(d.build(), d.accel, problems);
    }

    /**
     * The check made when the template is validated: the entries whose values are all known by then
     * (no build-time {{ .Field }}) merged into the defaults, problems indexed as in the template.
     */
    static Result check(QemuConfig config, Path workingDir) {
        List<List<String>> known = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < config.qemuargs().size(); i++) {
            List<String> entry = config.qemuargs().get(i);
            if (entry.stream().noneMatch(part -> part.contains("{{"))) {
                known.add(entry);
                where.add(i);
            }
        }
        DiskPlan plan = DiskPlan.of(config, workingDir.resolve(config.outputDirectory()).normalize());
        DomainSpec defaults = MachineDefaults.spec(config, plan, "qemu", workingDir.resolve("serial.log"), 5900, 2222, 22,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        Result r = apply(defaults, config.netDevice(), known, workingDir, MachineDefaults.aliases(plan, defaults),
                driver -> false);
        List<Problem> problems = r.problems().stream()
                .map(p -> new Problem(where.get(p.index()), p.message(), p.hint())).toList();
        return new Result(r.spec(), r.accel(), problems);
    }

    private static void apply(Draft d, String key, List<String> vs, String netDevice, Path workingDir,
                              Map<Path, DomainSpec.Drive> aliases, Predicate<String> isPci) throws QemuArgValues.BadValue {
        String owned = OWNED_BY_LIBVIRT.get(key);
        if (owned != null) {
            throw new QemuArgValues.BadValue(key + " cannot be used through libvirt: " + owned, "remove this entry");
        }
        switch (key) {
            case "-m" -> d.memoryMiB = QemuArgValues.memoryMiB(last(key, vs));
            case "-smp" -> d.vcpus = QemuArgValues.smp(last(key, vs));
            case "-cpu" -> d.cpu = QemuArgValues.cpu(last(key, vs));
            case "-machine" -> machine(d, merged(vs, "type"));
            case "-accel" -> d.accel = accel(QemuOptions.parse(last(key, vs), "accel"), "-accel");
            case "-enable-kvm" -> d.accel = "kvm";
            case "-name" -> {
                Map<String, String> o = QemuOptions.parse(last(key, vs), "guest");
                QemuArgValues.only(o, "-name", Set.of("guest", "debug-threads"), "libvirt names the process itself");
                d.name = o.getOrDefault("guest", d.name);
            }
            case "-boot" -> d.boot = QemuArgValues.boot(merged(vs, "order"));
            case "-vnc" -> d.vnc(QemuArgValues.vnc(last(key, vs)));
            case "-display" -> display(d, last(key, vs));
            case "-nographic" -> {
                // QEMU under libvirt never opens a window: nothing to turn off.
            }
            case "-vga" -> d.video = QemuArgValues.video(last(key, vs));
            case "-rtc" -> {
                Map<String, String> o = merged(vs, null);
                QemuArgValues.only(o, "-rtc", Set.of("base"), "libvirt sets -rtc from its <clock>");
                String base = o.getOrDefault("base", "utc");
                if (!base.equals("utc") && !base.equals("localtime")) {
                    throw new QemuArgValues.BadValue("-rtc base=" + base + " is not mapped", "use base=utc or base=localtime");
                }
                d.clock = base;
            }
            case "-netdev" -> {
                for (String v : vs) {
                    String type = QemuOptions.split(v).get(0);
                    if (type.equals("bridge") || type.equals("tap")) {
                        throw new QemuArgValues.BadValue("-netdev " + type + " cannot work here: QEMU under libvirt may not"
                                + " start the helper programs it needs", "use user-mode networking (the default)");
                    }
                }
                d.netdev = null;
                d.passThrough(key, vs);
            }
            case "-device" -> {
                // Packer puts the NIC back when the user's devices lack it (its issue #6804).
                if (vs.stream().anyMatch(v -> v.contains(netDevice))) {
                    d.nic = null;
                }
                List<String> placed = new ArrayList<>();
                for (String v : vs) {
                    placed.add(d.placed(v, isPci));
                }
                d.passThrough(key, placed);
            }
            case "-drive" -> {
                d.drives.removeIf(x -> x.device() != DomainSpec.Device.FLOPPY);
                List<DomainSpec.Drive> mine = new ArrayList<>();
                for (String v : vs) {
                    mine.add(QemuArgValues.drive(v, workingDir, aliases));
                }
                d.drives.addAll(0, mine);
            }
            case "-cdrom" -> {
                for (String v : vs) {
                    d.drives.add(DomainSpec.Drive.cdrom(workingDir.resolve(v).normalize(), d.cdromBus()));
                }
            }
            case "-fda", "-fdb" -> {
                if (key.equals("-fda")) {
                    d.drives.removeIf(x -> x.device() == DomainSpec.Device.FLOPPY);
                }
                for (String v : vs) {
                    d.drives.add(DomainSpec.Drive.floppy(workingDir.resolve(v).normalize()));
                }
            }
            case "-serial", "-monitor", "-qmp", "-chardev", "-mon" -> {
                for (String v : vs) {
                    if (v.equals("stdio") || v.startsWith("stdio,") || v.equals("mon:stdio")) {
                        throw new QemuArgValues.BadValue(key + " " + v + ": QEMU under libvirt has no terminal",
                                "use a socket or a file, e.g. [\"" + key + "\", \"file:/tmp/out.log\"]");
                    }
                }
                d.passThrough(key, vs);
            }
            default -> d.passThrough(key, vs);
        }
    }

    private static void machine(Draft d, Map<String, String> o) throws QemuArgValues.BadValue {
        Map<String, String> rest = new LinkedHashMap<>(o);
        String type = rest.remove("type");
        if (type != null) {
            d.machine = type;
        }
        if (rest.containsKey("accel")) {
            d.accel = accel(Map.of("accel", rest.remove("accel")), "-machine");
        }
        if (!rest.isEmpty()) {
            // QEMU merges repeated -machine options into libvirt's own.
            d.passThrough("-machine", List.of(QemuOptions.join(rest)));
        }
    }

    private static String accel(Map<String, String> o, String flag) throws QemuArgValues.BadValue {
        QemuArgValues.only(o, flag, Set.of("accel"), "libvirt sets the accelerator's properties");
        String a = o.get("accel");
        // kvm:tcg is QEMU's "KVM if it works, else TCG": what imgbuild's probe does anyway.
        String first = a == null ? "" : a.split(":")[0];
        if (a != null && a.contains(":")) {
            return null;
        }
        return switch (first) {
            case "kvm", "tcg" -> first;
            default -> throw new QemuArgValues.BadValue(flag + " accel=" + a + " is not kvm or tcg",
                    "use kvm or tcg, or set the accelerator option");
        };
    }

    private static void display(Draft d, String value) throws QemuArgValues.BadValue {
        List<String> parts = QemuOptions.split(value);
        if (parts.get(0).equals("none")) {
            return; // QEMU under libvirt never opens a window
        }
        if (parts.get(0).startsWith("vnc=")) {
            d.vnc(QemuArgValues.vnc(value.substring("vnc=".length())));
            return;
        }
        throw new QemuArgValues.BadValue("-display " + value + ": the libvirt daemon cannot open a window on your desktop",
                "remove it and watch the machine over VNC (vnc_bind_address, vnc_port_min), or use -display none");
    }

    private static String last(String key, List<String> vs) throws QemuArgValues.BadValue {
        if (vs.isEmpty()) {
            throw new QemuArgValues.BadValue(key + " needs a value", "write [\"" + key + "\", \"value\"]");
        }
        return vs.get(vs.size() - 1);
    }

    /** Repeated option switches merge, later keys winning, as QEMU merges -machine and -boot. */
    private static Map<String, String> merged(List<String> vs, String impliedKey) {
        Map<String, String> all = new LinkedHashMap<>();
        vs.forEach(v -> all.putAll(QemuOptions.parse(v, impliedKey)));
        return all;
    }

    /** The machine while qemuargs are applied. */
    private static final class Draft {
        private final DomainSpec base;
        String name;
        String machine;
        int memoryMiB;
        DomainSpec.Vcpus vcpus;
        DomainSpec.Cpu cpu;
        final List<DomainSpec.Drive> drives;
        DomainSpec.Boot boot;
        String video;
        String clock;
        String vncListen;
        int vncPort;
        String netdev;
        String nic;
        String accel;
        int nextPciSlot = Integer.parseInt(DomainXml.NIC_PCI_ADDRESS.substring(2), 16) + 1;
        final List<String> extra = new ArrayList<>();

        Draft(DomainSpec s) {
            base = s;
            name = s.name();
            machine = s.machine();
            memoryMiB = s.memoryMiB();
            vcpus = s.vcpus();
            cpu = s.cpu();
            drives = new ArrayList<>(s.drives());
            boot = s.boot();
            video = s.video();
            clock = s.clock();
            vncListen = s.vncListen();
            vncPort = s.vncPort();
            netdev = s.netdev();
            nic = s.nic();
            extra.addAll(s.extraArgs());
        }

        void vnc(QemuArgValues.Vnc v) {
            vncListen = v == null ? vncListen : v.listen();
            vncPort = v == null ? 0 : v.port();
        }

        String cdromBus() {
            return drives.stream().filter(x -> x.device() == DomainSpec.Device.CDROM).map(DomainSpec.Drive::bus)
                    .findFirst().orElse("ide");
        }

        /**
         * A -device value with a PCI slot of its own (0x11 and up, above our NIC's) when it is a PCI
         * device that names no bus or address.
         */
        String placed(String device, Predicate<String> isPci) {
            Map<String, String> o = QemuOptions.parse(device, "driver");
            if (o.containsKey("bus") || o.containsKey("addr") || !isPci.test(o.getOrDefault("driver", ""))) {
                return device;
            }
            return device + ",bus=pci.0,addr=0x" + Integer.toHexString(nextPciSlot++);
        }

        void passThrough(String key, List<String> vs) {
            if (vs.isEmpty()) {
                extra.add(key);
            }
            for (String v : vs) {
                extra.add(key);
                extra.add(v);
            }
        }

        DomainSpec build() {
            return new DomainSpec(name, base.type(), machine, memoryMiB, vcpus, cpu, drives, boot, video, clock,
                    base.serialLog(), vncListen, vncPort, netdev, nic, extra);
        }
    }
}
