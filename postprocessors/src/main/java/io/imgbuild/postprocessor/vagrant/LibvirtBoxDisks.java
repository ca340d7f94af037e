package io.imgbuild.postprocessor.vagrant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The disks of a libvirt box in vagrant-libvirt's box format v2 (what its own {@code vagrant package}
 * writes with VAGRANT_LIBVIRT_BOX_FORMAT_VERSION=v2): box_1.img, box_2.img, ... in the box, listed in
 * order in metadata.json's "disks" array. vagrant-libvirt reads only each entry's "path" (format and
 * virtual size come from {@code qemu-img info} on the file), and the first disk is the one it boots.
 *
 * @param entries the disk files, streamed from where they are
 * @param metadata the "disks" array for metadata.json
 */
record LibvirtBoxDisks(List<BoxEntry> entries, List<Map<String, Object>> metadata) {

    /** The box's disks, {@code disks.get(0)} first (the boot disk). */
    static LibvirtBoxDisks of(List<Path> disks) throws IOException {
        List<BoxEntry> entries = new ArrayList<>();
        List<Map<String, Object>> metadata = new ArrayList<>();
        for (int i = 0; i < disks.size(); i++) {
            String name = "box_" + (i + 1) + ".img";
            entries.add(new BoxEntry.LocalFile(name, disks.get(i), Files.size(disks.get(i))));
            metadata.add(Map.of("path", name));
        }
        return new LibvirtBoxDisks(List.copyOf(entries), List.copyOf(metadata));
    }
}
