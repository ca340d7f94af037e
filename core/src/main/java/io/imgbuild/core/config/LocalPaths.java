package io.imgbuild.core.config;

import io.imgbuild.core.util.HomePaths;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.ConfigSchema;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/**
 * Local files named by {@code x-path} keys must exist when the template is checked, not an hour into
 * the build. Paths are relative to the working directory, as in Packer.
 */
final class LocalPaths {

    private LocalPaths() {
    }

    static void check(ObjectNode node, ConfigSchema schema, ConfigOrigin origin, Path workingDir, Problems problems) {
        SchemaWalk.strings(node, schema, (value, path, keySchema) -> {
            String kind = keySchema.path("x-path").asString("");
            if (kind.isEmpty() || value.isEmpty() || value.contains("{{") || isGlob(value)) {
                return; // globs (floppy_files: ["*.cfg"]) may match nothing, as in Packer
            }
            Path p;
            try {
                p = workingDir.resolve(HomePaths.expand(value)).normalize();
            } catch (InvalidPathException e) {
                problems.add(origin.error(path, false, "\"" + value + "\" is not a valid path: " + e.getReason(), null));
                return;
            }
            String what = switch (kind) {
                case "file" -> Files.isRegularFile(p) ? null : Files.isDirectory(p) ? "is a directory, not a file"
                        : "does not exist";
                case "dir" -> Files.isDirectory(p) ? null : Files.exists(p) ? "is not a directory" : "does not exist";
                default -> Files.exists(p) ? null : "does not exist";
            };
            if (what != null) {
                problems.add(origin.error(path, false, "local " + (kind.equals("dir") ? "directory" : "file") + " \"" + value
                        + "\" " + what + " (looked at " + p + ")",
                        "relative paths are resolved against the directory imgbuild runs in, as Packer does"));
            }
        });
    }

    private static boolean isGlob(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 || value.indexOf('[') >= 0;
    }

}
