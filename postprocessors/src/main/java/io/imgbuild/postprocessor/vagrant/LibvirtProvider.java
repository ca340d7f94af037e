package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The libvirt box: the disk as box.img, its format and virtual size (GB, rounded up) in
 * metadata.json, and the libvirt driver in the Vagrantfile: kvm, or qemu when the build ran without
 * KVM (as Packer 1.6.6). The qemu builder's artifact says all this; for another artifact (the file
 * builder, with provider_override) the disk file itself is read. An artifact with several disks
 * (disk_additional_size) makes vagrant-libvirt's multi-disk box instead ({@link LibvirtBoxDisks}).
 */
final class LibvirtProvider implements BoxProvider {

    private static final long GIB = 1L << 30;

    @Override
    public BoxContent content(Artifact artifact, BuildUi ui) throws StepFailure, IOException {
        Map<String, Object> data = artifact.data();
        List<Path> disks = disks(artifact, data.get("diskName"));
        for (Path d : disks) {
            requireWhole(d);
        }
        Path disk = disks.get(0);
        String format;
        long sizeGb;
        if (data.get("diskType") != null && data.get("diskSize") != null) {
            format = data.get("diskType").toString();
            long mib = parseMib(data.get("diskSize"));
            sizeGb = (mib + 1023) / 1024;
        } else {
            DiskImage image = DiskImage.read(disk);
            format = image.format();
            sizeGb = (image.virtualSize() + GIB - 1) / GIB;
            ui.message("Read from " + disk.getFileName() + ": format " + format + ", virtual size " + sizeGb + " GB");
        }
        String driver = driver(data.get("domainType"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("provider", "libvirt");
        metadata.put("format", format);
        List<BoxEntry> entries;
        if (disks.size() == 1) {
            metadata.put("virtual_size", sizeGb);
            entries = List.of(new BoxEntry.LocalFile("box.img", disk, Files.size(disk)));
        } else {
            // v2 has no virtual_size: vagrant-libvirt asks qemu-img for each disk's
            LibvirtBoxDisks boxDisks = LibvirtBoxDisks.of(disks);
            metadata.put("disks", boxDisks.metadata());
            entries = boxDisks.entries();
        }
        String vagrantfile = "Vagrant.configure(\"2\") do |config|\n"
                + "  config.vm.provider :libvirt do |libvirt|\n"
                + (driver == null ? "" : "    libvirt.driver = \"" + driver + "\"\n")
                + "  end\n"
                + "end\n";
        return new BoxContent(entries, metadata, vagrantfile, false);
    }

    /**
     * The artifact's disk files: the one named as its diskName (else its first file) first, as the box
     * boots from it, then the others in the artifact's order (the qemu builder's name-1, name-2, ...).
     */
    private static List<Path> disks(Artifact artifact, Object diskName) throws StepFailure {
        List<Path> files = artifact.files().stream().filter(Files::isRegularFile).toList();
        if (files.isEmpty()) {
            throw new StepFailure("the artifact (" + artifact.builderId() + ") has no disk file for a libvirt box;"
                    + " the libvirt provider needs a qcow2 or raw disk image");
        }
        Path main = files.get(0);
        if (diskName != null) {
            for (Path f : files) {
                if (f.getFileName().toString().equals(diskName.toString())) {
                    main = f;
                    break;
                }
            }
        }
        List<Path> disks = new ArrayList<>(List.of(main));
        for (Path f : files) {
            if (!f.equals(main)) {
                disks.add(f);
            }
        }
        return disks;
    }

    /** A disk on a backing file would reach for a file on this machine wherever the box goes. */
    private static void requireWhole(Path disk) throws StepFailure, IOException {
        String backing = DiskImage.read(disk).backingFile();
        if (backing != null) {
            throw new StepFailure(disk.getFileName() + " is a qcow2 overlay on " + backing + " (use_backing_file):"
                    + " a box must carry its whole disk, and this one would need that file wherever the box is"
                    + " added. Build without use_backing_file for a box, or flatten the disk first (qemu-img convert)");
        }
    }

    private static long parseMib(Object diskSize) throws StepFailure {
        try {
            return Long.parseLong(diskSize.toString().trim());
        } catch (NumberFormatException e) {
            throw new StepFailure("the qemu artifact's disk size \"" + diskSize + "\" is not a number of MiB");
        }
    }

    /** libvirt's driver for the domain type the build ran with; null when unknown (vagrant-libvirt's default). */
    private static String driver(Object domainType) throws StepFailure {
        if (domainType == null) {
            return null;
        }
        return switch (domainType.toString()) {
            case "kvm" -> "kvm";
            case "qemu", "tcg", "none", "hvf" -> "qemu";
            default -> throw new StepFailure("unknown libvirt domain type \"" + domainType + "\" in the artifact;"
                    + " expected kvm, qemu, tcg, hvf or none");
        };
    }
}
