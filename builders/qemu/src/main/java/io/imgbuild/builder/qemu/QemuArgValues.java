package io.imgbuild.builder.qemu;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the values of the qemuargs switches that become domain XML ({@code -m 2G},
 * {@code -smp 4,sockets=2}, {@code -cpu Haswell,+aes}, {@code -boot order=dc}, {@code -vnc :3},
 * {@code -drive file=x,if=virtio,format=qcow2} ...) with QEMU's own rules, and says plainly what has
 * no libvirt equivalent.
 */
final class QemuArgValues {

    /** A value that cannot become domain XML: why, and what to write instead. */
    static final class BadValue extends Exception {
        final String hint;

        BadValue(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }
    }

    private QemuArgValues() {
    }

    /** {@code -m}: MiB by default, or with a B K M G T suffix; {@code size=} also. */
    static int memoryMiB(String value) throws BadValue {
        Map<String, String> o = QemuOptions.parse(value, "size");
        only(o, "-m", Set.of("size"), "memory hotplug (slots, maxmem) has no place in imgbuild's libvirt domain");
        String size = o.get("size");
        if (size == null) {
            throw new BadValue("-m needs a size", "e.g. [\"-m\", \"2G\"] or [\"-m\", \"2048\"] (MiB)");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([bBkKmMgGtT]?)").matcher(size);
        if (!m.matches()) {
            throw new BadValue("-m " + value + ": \"" + size + "\" is not a size", "write MiB, or a number with K, M, G or T");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "B" -> 0;
            case "K" -> 10;
            case "G" -> 30;
            case "T" -> 40;
            default -> 20;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
        BigDecimal mib = bytes.divide(BigDecimal.valueOf(1L << 20));
        if (mib.signum() <= 0 || mib.stripTrailingZeros().scale() > 0 || mib.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new BadValue("-m " + value + " is not a whole, positive number of MiB", "e.g. 1536M or 2G");
        }
        return mib.intValueExact();
    }

    /** {@code -smp}: counts and topology filled in as QEMU 7 does (missing cores are computed, sockets default to 1). */
    static DomainSpec.Vcpus smp(String value) throws BadValue {
        Map<String, String> o = QemuOptions.parse(value, "cpus");
        only(o, "-smp", Set.of("cpus", "maxcpus", "sockets", "dies", "cores", "threads"), null);
        int cpus = count(o, "cpus", value);
        int maxcpus = count(o, "maxcpus", value);
        int sockets = count(o, "sockets", value);
        int dies = count(o, "dies", value);
        int cores = count(o, "cores", value);
        int threads = count(o, "threads", value);
        if (dies > 1) {
            throw new BadValue("-smp " + value + ": more than one die per socket is not mapped", "drop dies=");
        }
        if (cpus == 0 && maxcpus == 0) {
            sockets = Math.max(sockets, 1);
            cores = Math.max(cores, 1);
            threads = Math.max(threads, 1);
        } else {
            int max = maxcpus > 0 ? maxcpus : cpus;
            threads = Math.max(threads, 1);
            sockets = Math.max(sockets, 1);
            if (cores == 0) {
                cores = Math.max(max / (sockets * threads), 1);
            }
        }
        int product = sockets * cores * threads;
        maxcpus = maxcpus > 0 ? maxcpus : cpus > 0 ? cpus : product;
        cpus = cpus > 0 ? cpus : maxcpus;
        if (product != maxcpus) {
            throw new BadValue("-smp " + value + ": sockets (" + sockets + ") x cores (" + cores + ") x threads (" + threads
                    + ") is " + product + ", not " + maxcpus + " CPUs", "make the topology multiply to the CPU count");
        }
        if (cpus > maxcpus) {
            throw new BadValue("-smp " + value + ": cpus (" + cpus + ") is more than maxcpus (" + maxcpus + ")",
                    "raise maxcpus or lower cpus");
        }
        return new DomainSpec.Vcpus(cpus, maxcpus, sockets, cores, threads);
    }

    private static int count(Map<String, String> o, String key, String value) throws BadValue {
        String v = o.get(key);
        if (v == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadValue("-smp " + value + ": " + key + "=" + v + " is not a count", "write a whole number");
    }

    /** {@code -cpu}: a model (host, max or a named one) and {@code +feature}, {@code -feature}, {@code feature=on|off}. */
    static DomainSpec.Cpu cpu(String value) throws BadValue {
        List<String> parts = QemuOptions.split(value);
        String model = parts.get(0);
        if (model.isEmpty() || model.contains("=")) {
            throw new BadValue("-cpu " + value + " does not start with a CPU model", "e.g. [\"-cpu\", \"Haswell,+aes\"]");
        }
        Map<String, String> features = new LinkedHashMap<>();
        for (String p : parts.subList(1, parts.size())) {
            if (p.startsWith("+") || p.startsWith("-")) {
                features.put(p.substring(1), p.charAt(0) == '+' ? "require" : "disable");
                continue;
            }
            int eq = p.indexOf('=');
            Boolean on = eq < 0 ? Boolean.TRUE : QemuOptions.bool(p.substring(eq + 1));
            if (on == null) {
                throw new BadValue("-cpu " + value + ": the property " + p + " has no libvirt equivalent",
                        "only CPU features map (+name, -name, name=on, name=off)");
            }
            features.put(eq < 0 ? p : p.substring(0, eq), on ? "require" : "disable");
        }
        return switch (model) {
            case "host" -> new DomainSpec.Cpu("host-passthrough", null, features);
            case "max" -> new DomainSpec.Cpu("maximum", null, features);
            default -> new DomainSpec.Cpu("custom", model, features);
        };
    }

    /**
     * {@code -boot}: the letters of {@code order} (or of {@code once}, which libvirt cannot do: disks
     * boot first then, and a blank disk is skipped, which is what Packer's {@code once=d} is for), the
     * menu and its timeouts.
     */
    static DomainSpec.Boot boot(Map<String, String> o) throws BadValue {
        only(o, "-boot", Set.of("order", "once", "menu", "splash-time", "reboot-timeout", "strict"), null);
        String order = o.getOrDefault("order", DomainSpec.Boot.DEFAULT.order());
        if (o.containsKey("once")) {
            order = "c" + o.get("once").replace("c", "");
        }
        StringBuilder letters = new StringBuilder();
        for (char c : order.toCharArray()) {
            char kind = c == 'b' ? 'a' : c;
            if ("acdn".indexOf(kind) < 0) {
                throw new BadValue("-boot: \"" + c + "\" is not a boot device", "use a, b (floppy), c (disk), d (CD), n (network)");
            }
            if (letters.indexOf(String.valueOf(kind)) < 0) {
                letters.append(kind);
            }
        }
        if ("off".equals(o.get("strict"))) {
            throw new BadValue("-boot strict=off cannot be had through libvirt", "remove strict=off");
        }
        Boolean menu = QemuOptions.bool(o.getOrDefault("menu", "off"));
        if (menu == null) {
            throw new BadValue("-boot menu=" + o.get("menu") + " is not on or off", "write menu=on or menu=off");
        }
        return new DomainSpec.Boot(letters.toString(), menu, millis(o, "splash-time"), millis(o, "reboot-timeout"));
    }

    private static int millis(Map<String, String> o, String key) throws BadValue {
        String v = o.get(key);
        if (v == null) {
            return -1;
        }
        try {
            return Math.max(Integer.parseInt(v), -1);
        } catch (NumberFormatException e) {
            throw new BadValue("-boot " + key + "=" + v + " is not a number of milliseconds", "e.g. " + key + "=5000");
        }
    }

    /** {@code -vnc host:display} (or {@code :display}, {@code none}): where the VNC server listens; null for none. */
    static Vnc vnc(String value) throws BadValue {
        List<String> parts = QemuOptions.split(value);
        if (parts.size() > 1) {
            throw new BadValue("-vnc " + value + ": VNC options (" + String.join(",", parts.subList(1, parts.size()))
                    + ") are not mapped to libvirt", "give only host:display, e.g. [\"-vnc\", \"127.0.0.1:5\"]");
        }
        String d = parts.get(0);
        if (d.equals("none")) {
            return null;
        }
        int colon = d.lastIndexOf(':');
        if (colon < 0 || d.startsWith("unix:")) {
            throw new BadValue("-vnc " + value + " is not host:display", "e.g. [\"-vnc\", \"127.0.0.1:5\"] for port 5905");
        }
        String host = d.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int display = Integer.parseInt(d.substring(colon + 1));
            if (display < 0 || display > 59635) {
                throw new NumberFormatException();
            }
            return new Vnc(host.isEmpty() ? "0.0.0.0" : host, 5900 + display);
        } catch (NumberFormatException e) {
            throw new BadValue("-vnc " + value + ": \"" + d.substring(colon + 1) + "\" is not a display number",
                    "e.g. [\"-vnc\", \"127.0.0.1:5\"] for port 5905");
        }
    }

    record Vnc(String listen, int port) {
    }

    /** {@code -vga}: libvirt's video model. */
    static String video(String value) throws BadValue {
        return switch (value) {
            case "std" -> "vga";
            case "cirrus", "qxl", "virtio", "none" -> value;
            case "vmware" -> "vmvga";
            default -> throw new BadValue("-vga " + value + " has no libvirt video model",
                    "use std, cirrus, vmware, qxl, virtio or none");
        };
    }

    /**
     * {@code -drive}: a file attached as a disk, CD or floppy. A relative file is relative to the
     * working directory (where Packer runs QEMU); {@code aliases} turn the output disk Packer would
     * run on into the file this build's machine really uses.
     */
    static DomainSpec.Drive drive(String value, Path workingDir, Map<Path, DomainSpec.Drive> aliases) throws BadValue {
        Map<String, String> o = QemuOptions.parse(value, "file");
        only(o, "-drive", Set.of("file", "if", "media", "format", "cache", "discard", "detect-zeroes", "index", "id"),
                "a drive is attached by libvirt, which knows these keys only");
        String iface = o.getOrDefault("if", "ide");
        if (iface.equals("none")) {
            throw new BadValue("-drive " + value + ": if=none drives are attached by a -device, which libvirt cannot pair"
                    + " with its own drives", "give the drive an interface (if=virtio, if=scsi, if=ide), or use"
                    + " disk_interface / cdrom_interface");
        }
        if (!Set.of("ide", "virtio", "scsi", "floppy").contains(iface)) {
            throw new BadValue("-drive " + value + ": if=" + iface + " is not mapped", "use if=ide, virtio, scsi or floppy");
        }
        String file = o.get("file");
        if (file == null || file.isEmpty()) {
            throw new BadValue("-drive " + value + " has no file=", "name the image, e.g. file=disk.qcow2");
        }
        Path path = workingDir.resolve(file).normalize();
        DomainSpec.Device device = iface.equals("floppy") ? DomainSpec.Device.FLOPPY
                : switch (o.getOrDefault("media", "disk")) {
                    case "disk" -> DomainSpec.Device.DISK;
                    case "cdrom" -> DomainSpec.Device.CDROM;
                    default -> throw new BadValue("-drive " + value + ": media=" + o.get("media") + " is not disk or cdrom",
                            "write media=disk or media=cdrom");
                };
        DomainSpec.Drive alias = aliases.get(path);
        String format = alias != null ? alias.format() : o.get("format");
        if (format == null) {
            if (device == DomainSpec.Device.DISK) {
                throw new BadValue("-drive " + value + " has no format=", "add format=qcow2 or format=raw: libvirt never"
                        + " guesses an image's format");
            }
            format = "raw";
        }
        String bus = device == DomainSpec.Device.FLOPPY ? "fdc" : iface;
        String discard = o.get("discard") == null ? null : switch (o.get("discard")) {
            case "on", "unmap" -> "unmap";
            case "off", "ignore" -> "ignore";
            default -> throw new BadValue("-drive " + value + ": discard=" + o.get("discard") + " is not unmap or ignore",
                    "write discard=unmap or discard=ignore");
        };
        return new DomainSpec.Drive(alias != null ? alias.file() : path, device, format, bus,
                oneOf(o, "cache", Set.of("writeback", "writethrough", "none", "unsafe", "directsync"), value),
                discard, oneOf(o, "detect-zeroes", Set.of("off", "on", "unmap"), value));
    }

    private static String oneOf(Map<String, String> o, String key, Set<String> allowed, String value) throws BadValue {
        String v = o.get(key);
        if (v != null && !allowed.contains(v)) {
            throw new BadValue("-drive " + value + ": " + key + "=" + v + " is not one of " + new java.util.TreeSet<>(allowed),
                    "use one of those");
        }
        return v;
    }

    static void only(Map<String, String> o, String flag, Set<String> known, String why) throws BadValue {
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                throw new BadValue(flag + ": \"" + k + "\" is not mapped to libvirt" + (why == null ? "" : " (" + why + ")"),
                        "use only " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }
}
