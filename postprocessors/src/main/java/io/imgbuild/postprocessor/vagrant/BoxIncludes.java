package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.HomePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code include} files, each at the box's top level under its own name, and how they meet the
 * generated files. As in Packer: an included metadata.json replaces the generated one; the
 * provider's files and the Vagrantfile replace an include of the same name (Packer wrote them over it).
 */
final class BoxIncludes {

    private BoxIncludes() {
    }

    static List<BoxEntry> resolve(List<String> include, Path workDir) throws StepFailure, IOException {
        Map<String, BoxEntry> byName = new LinkedHashMap<>();
        for (int i = 0; i < include.size(); i++) {
            Path f = workDir.resolve(HomePaths.expand(include.get(i))).toAbsolutePath().normalize();
            if (!Files.isRegularFile(f)) {
                throw new StepFailure("include[" + i + "]: \"" + include.get(i) + "\" "
                        + (Files.isDirectory(f) ? "is a directory; include takes files" : "does not exist")
                        + " (looked at " + f + "); fix the path or make sure an earlier step creates it");
            }
            String name = f.getFileName().toString();
            BoxEntry earlier = byName.put(name, new BoxEntry.LocalFile(name, f, Files.size(f)));
            if (earlier != null) {
                throw new StepFailure("include[" + i + "]: two include files are named " + name + " (" + f + " and "
                        + ((BoxEntry.LocalFile) earlier).file() + "); a box holds them side by side, so rename one");
            }
        }
        return List.copyOf(byName.values());
    }

    /** The box's entries in order: generated ones, includes, then the provider's (large) files. */
    static List<BoxEntry> merge(List<BoxEntry> generated, List<BoxEntry> includes, List<BoxEntry> providerFiles,
                                BuildUi ui) {
        Map<String, BoxEntry> byName = new LinkedHashMap<>();
        for (BoxEntry g : generated) {
            byName.put(g.name(), g);
        }
        for (BoxEntry inc : includes) {
            if (inc.name().equals("metadata.json")) {
                ui.message("Using the included metadata.json instead of the generated one");
                byName.put(inc.name(), inc);
            } else if (byName.containsKey(inc.name()) || providerFiles.stream().anyMatch(p -> p.name().equals(inc.name()))) {
                ui.message("Not adding the include " + inc.name() + ": the box's own " + inc.name() + " takes its place");
            } else {
                byName.put(inc.name(), inc);
            }
        }
        List<BoxEntry> out = new ArrayList<>(byName.values());
        out.addAll(providerFiles);
        return out;
    }
}
