package io.imgbuild.postprocessor.manifest;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.fs.ExclusiveLock;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import io.imgbuild.postprocessor.json.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends this build's record to the manifest: read, append, write to a temporary file, rename,
 * all under a lock shared by parallel builds and by other imgbuild processes. With -force, records
 * of earlier runs are dropped (once per run, since records of this run are kept). Every string is
 * masked: a manifest is shared more widely than a console.
 */
final class ManifestPostProcessor implements PostProcessor {

    private final Path output;
    private final boolean stripPath;
    private final boolean stripTime;
    private final Map<String, String> customData;

    ManifestPostProcessor(Path output, boolean stripPath, boolean stripTime, Map<String, String> customData) {
        this.output = output;
        this.stripPath = stripPath;
        this.stripTime = stripTime;
        this.customData = customData;
    }

    @Override
    public PostProcessorResult process(PostProcessorContext ctx, Artifact input) throws Exception {
        ObjectNode record = ManifestRecord.of(ctx.build(), input, stripPath, stripTime, customData);
        Secrets.global().maskStrings(record);
        try (ExclusiveLock lock = ExclusiveLock.acquire(output)) {
            ObjectNode manifest = read();
            ArrayNode builds = manifest.withArray("builds");
            if (ctx.build().force()) {
                for (int i = builds.size() - 1; i >= 0; i--) {
                    if (!ctx.build().runUuid().equals(builds.get(i).path("packer_run_uuid").asString(""))) {
                        builds.remove(i);
                    }
                }
            }
            builds.add(record);
            manifest.put("last_run_uuid", ctx.build().runUuid());
            try (AtomicFile out = AtomicFile.create(output)) {
                Files.write(out.temp(), Json.PRETTY.writeValueAsBytes(manifest));
                out.commit(true);
            }
        }
        ctx.ui().message("Added " + ctx.build().name() + " to the manifest " + output);
        return new PostProcessorResult(input, true, false);
    }

    private ObjectNode read() throws IOException, StepFailure {
        JsonNode existing = JsonFiles.readIfPresent(output, "the manifest", "fix it or remove it");
        if (existing == null) {
            return Json.MAPPER.createObjectNode();
        }
        if (!existing.isObject() || (existing.has("builds") && !existing.get("builds").isArray())) {
            throw new StepFailure("the manifest " + output + " is not a manifest (expected {\"builds\": [...]}); fix it"
                    + " or choose another output");
        }
        return (ObjectNode) existing;
    }
}
