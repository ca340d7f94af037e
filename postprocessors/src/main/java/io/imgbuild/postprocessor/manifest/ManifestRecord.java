package io.imgbuild.postprocessor.manifest;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One build's entry, with Packer's field names so existing CI scripts keep working. */
final class ManifestRecord {

    private ManifestRecord() {
    }

    static ObjectNode of(BuildInfo build, Artifact artifact, boolean stripPath, boolean stripTime,
                         Map<String, String> customData) throws IOException {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("name", build.name());
        r.put("builder_type", build.type());
        if (!stripTime) {
            r.put("build_time", Instant.now().getEpochSecond());
        }
        ArrayNode files = r.putArray("files");
        for (Path f : artifact.files()) {
            ObjectNode entry = files.addObject();
            entry.put("name", stripPath ? f.getFileName().toString() : build.workingDir().relativize(abs(f)).toString());
            entry.put("size", Files.isRegularFile(f) ? Files.size(f) : 0);
        }
        r.put("artifact_id", artifact.id());
        r.put("packer_run_uuid", build.runUuid());
        ObjectNode custom = r.putObject("custom_data");
        customData.forEach(custom::put);
        return r;
    }

    private static Path abs(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
