package io.imgbuild.core.config;

import io.imgbuild.core.schema.ConfigSchema;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills in the schema's {@code default} for every key the template leaves out, in nested objects
 * too. Defaults live in the schema so the documentation and the behaviour cannot disagree.
 */
final class Defaults {

    private Defaults() {
    }

    static void fill(ObjectNode node, JsonNode schemaNode, ConfigSchema schema) {
        JsonNode props = schemaNode.path("properties");
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            JsonNode propSchema = resolve(schema, e.getValue());
            JsonNode present = node.get(e.getKey());
            if (present == null) {
                JsonNode def = propSchema.get("default");
                if (def != null && !def.isNull()) {
                    node.set(e.getKey(), def.deepCopy());
                }
            } else if (present.isObject() && propSchema.has("properties")) {
                fill((ObjectNode) present, propSchema, schema);
            }
        }
    }

    private static JsonNode resolve(ConfigSchema schema, JsonNode s) {
        if (s.has("$ref")) {
            JsonNode target = schema.node().at(s.get("$ref").asString().substring(1));
            return target.isMissingNode() ? s : target;
        }
        return s;
    }
}
