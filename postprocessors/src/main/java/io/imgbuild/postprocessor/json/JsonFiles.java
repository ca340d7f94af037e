package io.imgbuild.postprocessor.json;

import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reading a JSON file that post-processors keep adding to (the manifest, a Vagrant catalog). */
public final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * The file's JSON, or null when there is no file or it is empty.
     *
     * @param what the file's role in messages, e.g. "the manifest"
     * @param fix  what the user can do about invalid JSON, e.g. "fix it or remove it"
     */
    public static JsonNode readIfPresent(Path file, String what, String fix) throws IOException, StepFailure {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode existing;
        try {
            existing = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new StepFailure(what + " " + file + " is not valid JSON (" + e.getOriginalMessage() + "); " + fix);
        }
        return existing == null || existing.isMissingNode() ? null : existing;
    }
}
