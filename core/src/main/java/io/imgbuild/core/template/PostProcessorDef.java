package io.imgbuild.core.template;

import io.imgbuild.core.json.JsonPath;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** A post-processor as the template writes it (the string shorthand becomes a type with no config). */
public record PostProcessorDef(String type, String name, ObjectNode config, List<String> only, List<String> except,
                               Boolean keepInputArtifact, JsonPath path) {

    /** The name for messages and -except: the given name, else the type. */
    public String displayName() {
        return name != null ? name : type;
    }
}
