package io.imgbuild.core.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An artifact that is a list of local files; destroying it deletes them. */
public record FileArtifact(String builderId, String id, List<Path> files, String description,
                           Map<String, Object> data) implements Artifact {

    public FileArtifact {
        files = List.copyOf(files);
        data = Map.copyOf(data);
    }

    public static FileArtifact of(String builderId, List<Path> files, String description) {
        String id = files.isEmpty() ? "" : files.get(0).toString();
        return new FileArtifact(builderId, id, files, description, Map.of());
    }

    @Override
    public void destroy() throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }
}
