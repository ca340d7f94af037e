package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The box (and the catalog it was listed in). Destroying it, when a later post-processor consumes
 * it, deletes the box only: the catalog is shared with other builds and runs.
 */
record BoxArtifact(String provider, Path box, Path catalog, Map<String, Object> data) implements Artifact {

    @Override
    public String builderId() {
        return VagrantPostProcessor.BUILDER_ID;
    }

    @Override
    public String id() {
        return provider;
    }

    @Override
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(box));
        if (catalog != null) {
            files.add(catalog);
        }
        return files;
    }

    @Override
    public String description() {
        return "'" + provider + "' provider box: " + box + (catalog == null ? "" : " (in the catalog " + catalog + ")");
    }

    @Override
    public void destroy() throws IOException {
        Files.deleteIfExists(box);
    }
}
