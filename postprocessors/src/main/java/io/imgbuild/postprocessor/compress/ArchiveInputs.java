package io.imgbuild.postprocessor.compress;

import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The regular files an archive holds, each with its name in the archive: the artifact's files, and
 * the files under its directories, named relative to the deepest directory that holds them all (one
 * file is named by its own name; a directory keeps its name as the first part).
 */
record ArchiveInputs(List<Entry> entries, long totalBytes) {

    record Entry(String name, Path file, long size) {
    }

    static ArchiveInputs of(List<Path> artifactFiles) throws IOException, StepFailure {
        Set<Path> files = new LinkedHashSet<>(); // an artifact may list a file twice
        List<Path> roots = new ArrayList<>();
        for (Path p : artifactFiles) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                try (Stream<Path> walk = Files.walk(abs)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
                roots.add(abs);
            } else if (Files.isRegularFile(abs)) {
                files.add(abs);
                roots.add(abs);
            } else if (!Files.exists(abs)) {
                throw new StepFailure("the artifact's file " + p + " does not exist (was it removed after the build?)");
            }
        }
        Path base = commonParent(roots);
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            long size = Files.size(f);
            entries.add(new Entry(base.relativize(f).toString().replace('\\', '/'), f, size));
            total += size;
        }
        return new ArchiveInputs(List.copyOf(entries), total);
    }

    private static Path commonParent(List<Path> roots) {
        if (roots.isEmpty()) {
            return Path.of("/");
        }
        Path base = roots.get(0).getParent();
        for (Path r : roots) {
            while (base != null && (!r.startsWith(base) || r.equals(base))) {
                base = base.getParent();
            }
        }
        return base != null ? base : roots.get(0).getRoot();
    }
}
