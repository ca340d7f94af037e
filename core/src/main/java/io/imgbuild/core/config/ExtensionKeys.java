package io.imgbuild.core.config;

import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.problem.Severity;
import io.imgbuild.core.schema.ConfigSchema;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The schema's {@code x-deprecated} (old names, renamed with a warning) and {@code x-unsupported} keys. */
final class ExtensionKeys {

    private ExtensionKeys() {
    }

    /** Renames old keys; returns the origin that still reports them where the user wrote them. */
    static ConfigOrigin renameDeprecated(ObjectNode node, ConfigSchema schema, ConfigOrigin origin, Problems problems) {
        ConfigOrigin result = origin;
        for (String key : new ArrayList<>(node.propertyNames())) {
            JsonNode prop = schema.node().path("properties").path(key);
            String newName = prop.path("x-deprecated").asString(null);
            if (newName == null) {
                continue;
            }
            JsonPath at = JsonPath.ROOT.key(key);
            if (newName.isEmpty()) {
                problems.add(origin.problem(Severity.WARNING, at, true, key + " is obsolete and ignored",
                        "remove it; `imgbuild fix` does"));
                node.remove(key);
            } else if (node.has(newName)) {
                problems.add(origin.problem(Severity.WARNING, at, true, key + " is an old name for " + newName
                        + " and is ignored because " + newName + " is set", "remove " + key));
                node.remove(key);
            } else {
                problems.add(origin.problem(Severity.WARNING, at, true, key + " is deprecated: use " + newName,
                        "`imgbuild fix` rewrites the template with the new names"));
                node.set(newName, node.remove(key));
                result = result.withRenamedKey(newName, key);
            }
        }
        return result;
    }

    static void rejectUnsupported(ObjectNode node, ConfigSchema schema, ConfigOrigin origin, Problems problems) {
        for (String key : new ArrayList<>(node.propertyNames())) {
            String why = schema.node().path("properties").path(key).path("x-unsupported").asString(null);
            if (why != null) {
                problems.add(origin.error(JsonPath.ROOT.key(key), true, key + " is not supported by imgbuild", why));
                node.remove(key);
            }
        }
    }
}
