package io.imgbuild.builder.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the build's disks live. The machine runs on {@link #buildDisk}; the finished image is
 * {@link #finalDisk}, named {@code vm_name} as in Packer. From a disk image (without use_backing_file)
 * the build disk is a qcow2 overlay on the source, so the source is read once, when the overlay is
 * converted into the final image, instead of being copied first and converted again.
 */
record DiskPlan(Path buildDisk, String buildFormat, Path finalDisk, String finalFormat, boolean overlay,
                boolean convertAtEnd, List<Path> additionalDisks) {

    static DiskPlan of(QemuConfig c, Path outputDir) {
        Path finalDisk = outputDir.resolve(c.vmName());
        List<Path> extra = new ArrayList<>();
        for (int i = 0; i < c.diskAdditionalSize().size(); i++) {
            extra.add(outputDir.resolve(c.vmName() + "-" + (i + 1)));
        }
        if (c.diskImage() && c.useBackingFile()) {
            return new DiskPlan(finalDisk, "qcow2", finalDisk, "qcow2", true, false, extra);
        }
        if (c.diskImage()) {
            return new DiskPlan(outputDir.resolve("." + c.vmName() + ".building.qcow2"), "qcow2", finalDisk,
                    c.format(), true, true, extra);
        }
        boolean convert = !c.effectiveSkipCompaction() || c.effectiveDiskCompression();
        return new DiskPlan(outputDir.resolve("." + c.vmName() + ".building"), c.format(), finalDisk, c.format(), false,
                convert, extra);
    }

    /** Every disk file the machine is given, build disk first. */
    List<Path> machineDisks() {
        List<Path> all = new ArrayList<>();
        all.add(buildDisk);
        all.addAll(additionalDisks);
        return all;
    }
}
