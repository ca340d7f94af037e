package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.HomePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What goes onto the extra CD (cd_files, cd_content) or the floppy (floppy_files, floppy_dirs): each
 * file's path on the medium ({@code /}-separated, no leading slash) and where its bytes come from,
 * following Packer's rules. Planned in full before any tool runs, so a missing file or a clash is
 * reported before anything is made.
 *
 * <ul>
 *   <li>cd_files: a file goes to the root under its name; a directory goes to the root with its tree
 *       ({@code dir} gives {@code /dir/...}, {@code dir/*} gives dir's entries at the root); symbolic
 *       links are followed. cd_content entries are added after, and win over a cd_files file of the
 *       same path.</li>
 *   <li>floppy_files: files, and every file inside a directory, all flat at the root.</li>
 *   <li>floppy_dirs: a directory with its tree, as cd_files.</li>
 * </ul>
 * Entries with {@code * ? [} are patterns ({@link Globs}); one that matches nothing adds nothing.
 * A later entry replaces an earlier one of the same path, as copying into one directory does in Packer.
 *
 * @param files     path on the medium to its content
 * @param emptyDirs directories that hold nothing (the others follow from their files)
 */
record MediaFiles(SortedMap<String, Source> files, SortedSet<String> emptyDirs) {

    /** Where a file's bytes come from. */
    sealed interface Source permits FromDisk, Inline {
        long size() throws IOException;

        /** A local file with the content: the file itself, or the text written to {@code scratch}. */
        Path file(Path scratch) throws IOException;
    }

    /** A local file (symbolic links resolved). */
    record FromDisk(Path path) implements Source {
        @Override
        public long size() throws IOException {
            return Files.size(path);
        }

        @Override
        public Path file(Path scratch) {
            return path;
        }
    }

    /** Text given in the template (cd_content), written as UTF-8. */
    record Inline(String text) implements Source {
        @Override
        public long size() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public Path file(Path scratch) throws IOException {
            return Files.writeString(scratch, text, StandardCharsets.UTF_8);
        }
    }

    MediaFiles {
        files = new TreeMap<>(files);
        emptyDirs = new TreeSet<>(emptyDirs);
    }

    boolean isEmpty() {
        return files.isEmpty() && emptyDirs.isEmpty();
    }

    static MediaFiles cd(Path workingDir, List<String> cdFiles, Map<String, String> cdContent) throws StepFailure {
        workingDir = workingDir.toAbsolutePath().normalize();
        Collector c = new Collector();
        for (int i = 0; i < cdFiles.size(); i++) {
            for (Path p : matches(workingDir, "cd_files", i, cdFiles.get(i))) {
                c.addWithTree(p, p.equals(workingDir));
            }
        }
        // Sorted, so the same template makes the same image whatever order its map was read in.
        for (Map.Entry<String, String> e : new TreeMap<>(cdContent).entrySet()) {
            String target = contentTarget(e.getKey());
            if (target == null) {
                throw new StepFailure("cd_content key \"" + e.getKey() + "\" is not a path inside the CD: "
                        + "use a relative path without \"..\", e.g. user-data or scripts/setup.sh");
            }
            c.files.put(target, new Inline(e.getValue()));
        }
        return c.done("CD");
    }

    static MediaFiles floppy(Path workingDir, List<String> floppyFiles, List<String> floppyDirs) throws StepFailure {
        workingDir = workingDir.toAbsolutePath().normalize();
        Collector c = new Collector();
        for (int i = 0; i < floppyFiles.size(); i++) {
            for (Path p : matches(workingDir, "floppy_files", i, floppyFiles.get(i))) {
                c.addFlat(p);
            }
        }
        for (int i = 0; i < floppyDirs.size(); i++) {
            for (Path p : matches(workingDir, "floppy_dirs", i, floppyDirs.get(i))) {
                c.addWithTree(p, p.equals(workingDir));
            }
        }
        return c.done("floppy");
    }

    /**
     * A cd_content key as a path on the CD: a leading slash and {@code .} segments are dropped (as
     * Packer's path join does); null when it is empty or climbs out with {@code ..}.
     */
    static String contentTarget(String key) {
        List<String> parts = new ArrayList<>();
        for (String part : key.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return null;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private static List<Path> matches(Path workingDir, String key, int index, String entry) throws StepFailure {
        String where = key + "[" + index + "] \"" + entry + "\"";
        if (Globs.isPattern(entry)) {
            try {
                return Globs.expand(workingDir, entry);
            } catch (IllegalArgumentException e) {
                throw new StepFailure(where + ": " + e.getMessage());
            } catch (IOException e) {
                throw new StepFailure(where + ": cannot list " + e.getMessage());
            }
        }
        Path p = workingDir.resolve(HomePaths.expand(entry)).normalize();
        if (!Files.exists(p)) {
            throw new StepFailure(where + " does not exist (looked at " + p + "): remove it, or create it before building");
        }
        return List.of(p);
    }

    private static final class Collector {
        final SortedMap<String, Source> files = new TreeMap<>();
        final SortedSet<String> emptyDirs = new TreeSet<>();

        /**
         * A file under its name, or a directory with its tree under its name; "." (the working
         * directory itself) puts its entries at the root, as in Packer.
         */
        void addWithTree(Path p, boolean entriesAtRoot) throws StepFailure {
            if (!Files.isDirectory(p)) {
                addFile(name(p), p);
                return;
            }
            String prefix = entriesAtRoot || p.getFileName() == null ? "" : name(p) + "/";
            walk(p, (rel, file) -> addFile(prefix + rel, file), rel -> emptyDirs.add(prefix + rel));
        }

        /** A file under its name, or every file inside a directory under its own name, all at the root. */
        void addFlat(Path p) throws StepFailure {
            if (!Files.isDirectory(p)) {
                addFile(name(p), p);
                return;
            }
            walk(p, (rel, file) -> addFile(name(file), file), rel -> { });
        }

        private void addFile(String target, Path p) throws StepFailure {
            if (target.indexOf('\n') >= 0 || target.indexOf('\r') >= 0) {
                throw new StepFailure("the file name " + p + " has a line break, which a CD or floppy image cannot take:"
                        + " rename it");
            }
            try {
                files.put(target, new FromDisk(p.toRealPath()));
            } catch (IOException e) {
                throw new StepFailure("cannot read " + p + ": " + e.getMessage());
            }
        }

        private void walk(Path dir, FileSink onFile, java.util.function.Consumer<String> onEmptyDir)
                throws StepFailure {
            try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
                for (Path p : s.sorted().toList()) {
                    String rel = dir.relativize(p).toString();
                    if (Files.isDirectory(p)) {
                        if (!rel.isEmpty() && isEmptyDir(p)) {
                            onEmptyDir.accept(rel);
                        }
                    } else {
                        onFile.accept(rel, p);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw new StepFailure("cannot read the directory " + dir + ": " + e.getMessage());
            }
        }

        private static boolean isEmptyDir(Path p) throws IOException {
            try (Stream<Path> s = Files.list(p)) {
                return s.findAny().isEmpty();
            }
        }

        MediaFiles done(String medium) throws StepFailure {
            for (String target : files.keySet()) {
                String under = target + "/";
                String child = files.tailMap(under).keySet().stream().findFirst().filter(k -> k.startsWith(under))
                        .orElse(emptyDirs.tailSet(under).stream().findFirst().filter(k -> k.startsWith(under)).orElse(null));
                if (child != null) {
                    throw new StepFailure("\"" + target + "\" would be both a file and a directory on the " + medium
                            + " (it holds " + child + "): rename one of them");
                }
            }
            return new MediaFiles(files, emptyDirs);
        }

        private static String name(Path p) {
            return p.getFileName().toString();
        }
    }

    @FunctionalInterface
    private interface FileSink {
        void accept(String target, Path file) throws StepFailure;
    }
}
