package io.imgbuild.core.config;

import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.schema.ConfigSchema;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Visits every string of a config with the schema of its key. An {@code x-} keyword on an array or
 * map applies to its items and values ({@code "scripts": {"x-path": "file"}}).
 */
final class SchemaWalk {

    interface Visitor {
        void visit(String value, JsonPath path, JsonNode keySchema);
    }

    private SchemaWalk() {
    }

    static void strings(JsonNode node, ConfigSchema schema, Visitor visitor) {
        walk(node, JsonPath.ROOT, null, schema, visitor);
    }

    private static void walk(JsonNode node, JsonPath path, JsonNode inherited, ConfigSchema schema, Visitor visitor) {
        JsonNode own = path.isRoot() ? null : schema.at(path);
        JsonNode effective = own != null && (own.has("x-type") || own.has("x-path") || own.has("x-sensitive")) ? own
                : inherited != null ? inherited : own;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(e.getValue(), path.key(e.getKey()), path.isRoot() ? null : effective, schema, visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path.index(i), effective, schema, visitor);
            }
        } else if (node.isString() && effective != null) {
            visitor.visit(node.asString(), path, effective);
        }
    }
}
