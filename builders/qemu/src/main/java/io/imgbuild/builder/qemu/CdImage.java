package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes an ISO 9660 image with Rock Ridge and Joliet names (what Packer asks xorriso for) from
 * {@link MediaFiles}. Local files are grafted where they belong on the CD instead of being copied into
 * a staging tree first; only cd_content text is written out. The list of paths goes to xorriso in a
 * file, so no number of files can overflow a command line.
 */
final class CdImage {

    /** ISO 9660 volume identifiers hold at most 32 characters. */
    static final int MAX_LABEL = 32;
    static final String DEFAULT_LABEL = "packer";
    private static final HostCommand XORRISO = new HostCommand("xorriso", "xorriso");

    private CdImage() {
    }

    /** Writes the image to {@code iso}, using {@code scratch} (removed after) for cd_content and the path list. */
    static void make(MediaFiles files, String label, Path iso, Path scratch, Cancellation cancellation)
            throws StepFailure, CancelledException, IOException {
        Files.createDirectories(scratch);
        try {
            Path list = scratch.resolve("paths");
            Files.write(list, pathSpecs(files, scratch), StandardCharsets.UTF_8);
            XORRISO.run(List.of("-as", "genisoimage", "-rock", "-joliet", "-volid", effectiveLabel(label),
                    "-output", iso.toString(), "-graft-points", "-path-list", list.toString()), Map.of(), cancellation);
        } catch (StepFailure | CancelledException | IOException | RuntimeException e) {
            Files.deleteIfExists(iso);
            throw e;
        } finally {
            CreateWorkDirStep.deleteTree(scratch);
        }
    }

    static String effectiveLabel(String label) {
        return label == null || label.isEmpty() ? DEFAULT_LABEL : label;
    }

    /** One {@code path-on-cd=local-path} line per file and empty directory, inline text written to {@code scratch}. */
    static List<String> pathSpecs(MediaFiles files, Path scratch) throws IOException {
        List<String> specs = new ArrayList<>();
        int inline = 0;
        for (Map.Entry<String, MediaFiles.Source> e : files.files().entrySet()) {
            specs.add(graft(e.getKey(), e.getValue().file(scratch.resolve("content-" + inline++))));
        }
        if (!files.emptyDirs().isEmpty()) {
            Path empty = Files.createDirectories(scratch.resolve("empty"));
            files.emptyDirs().forEach(d -> specs.add(graft(d, empty)));
        }
        return specs;
    }

    /** xorriso splits at the first "="; in the CD part "=" and "\" are escaped with a backslash. */
    private static String graft(String target, Path source) {
        return "/" + target.replace("\\", "\\\\").replace("=", "\\=") + "=" + source.toAbsolutePath();
    }
}
