package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Sizes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Makes a 1.44 MB FAT12 floppy image from {@link MediaFiles} with mtools: no loop device, no mount,
 * no root. (Packer formats it in-process; the result is the same kind of disk.)
 */
final class FloppyImage {

    /** FAT volume labels hold at most 11 characters. */
    static final int MAX_LABEL = 11;
    static final String DEFAULT_LABEL = "packer";
    /** Data area of a 1.44 MB FAT12 floppy: 2847 clusters of one 512-byte sector. */
    static final long CAPACITY = 2847L * 512;
    private static final Map<String, String> ENV = Map.of("MTOOLS_SKIP_CHECK", "1");
    private static final HostCommand MFORMAT = new HostCommand("mformat", "mtools");
    private static final HostCommand MMD = new HostCommand("mmd", "mtools");
    private static final HostCommand MCOPY = new HostCommand("mcopy", "mtools");

    private FloppyImage() {
    }

    static void make(MediaFiles files, String label, Path image, Cancellation cancellation)
            throws StepFailure, CancelledException, IOException {
        long used = clusterBytes(files);
        if (used > CAPACITY) {
            throw new StepFailure("the floppy_files and floppy_dirs take " + Sizes.bytes(used) + ", more than the "
                    + Sizes.bytes(CAPACITY) + " a 1.44 MB floppy holds: serve the larger files over http_directory,"
                    + " put them on the CD (cd_files), or upload them with the file provisioner");
        }
        try {
            MFORMAT.run(List.of("-i", image.toString(), "-C", "-f", "1440", "-v", effectiveLabel(label), "::"), ENV,
                    cancellation);
            List<String> dirs = directories(files);
            if (!dirs.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("-i", image.toString()));
                dirs.forEach(d -> args.add("::/" + d));
                MMD.run(args, ENV, cancellation);
            }
            for (Map.Entry<String, MediaFiles.Source> e : files.files().entrySet()) {
                Path source = e.getValue().file(image.resolveSibling(image.getFileName() + ".content"));
                try {
                    // -D o: a name that differs only in case from an earlier one replaces it (FAT ignores case).
                    MCOPY.run(List.of("-i", image.toString(), "-o", "-D", "o", source.toString(), "::/" + e.getKey()),
                            ENV, cancellation);
                } finally {
                    if (!(e.getValue() instanceof MediaFiles.FromDisk)) {
                        Files.deleteIfExists(source);
                    }
                }
            }
        } catch (StepFailure | CancelledException | IOException | RuntimeException e) {
            Files.deleteIfExists(image);
            throw e;
        }
    }

    static String effectiveLabel(String label) {
        return label == null || label.isEmpty() ? DEFAULT_LABEL : label;
    }

    /** Every directory the files need, parents first. */
    static List<String> directories(MediaFiles files) {
        SortedSet<String> dirs = new TreeSet<>(files.emptyDirs());
        for (String f : files.files().keySet()) {
            for (int slash = f.indexOf('/'); slash > 0; slash = f.indexOf('/', slash + 1)) {
                dirs.add(f.substring(0, slash));
            }
        }
        for (String d : List.copyOf(dirs)) {
            for (int slash = d.indexOf('/'); slash > 0; slash = d.indexOf('/', slash + 1)) {
                dirs.add(d.substring(0, slash));
            }
        }
        // "a" sorts before "a/b": a parent is always made before its children.
        return List.copyOf(dirs);
    }

    /** Bytes the files take in whole 512-byte clusters. */
    static long clusterBytes(MediaFiles files) throws IOException {
        long total = 0;
        for (MediaFiles.Source s : files.files().values()) {
            total += (s.size() + 511) / 512 * 512;
        }
        return total;
    }
}
