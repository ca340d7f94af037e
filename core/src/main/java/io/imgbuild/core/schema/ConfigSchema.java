package io.imgbuild.core.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.imgbuild.core.json.JsonPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One compiled config schema, plus navigation to the sub-schema of any key in a config. */
public final class ConfigSchema {

    private final String resource;
    private final ObjectNode node;
    private final Schema compiled;

    ConfigSchema(String resource, ObjectNode node, Schema compiled) {
        this.resource = resource;
        this.node = node;
        this.compiled = compiled;
    }

    public String resource() {
        return resource;
    }

    /** The expanded schema document (do not modify). */
    public ObjectNode node() {
        return node;
    }

    public List<Error> validate(JsonNode instance) {
        return compiled.validate(instance);
    }

    /** The names of the top-level properties this schema declares. */
    public Set<String> propertyNames() {
        return propertyNames(node);
    }

    public static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>(schema.path("properties").propertyNames());
        return names;
    }

    /**
     * The sub-schema describing the value at {@code path} (relative to the config root), or null when
     * the schema says nothing about it. Follows local {@code $ref}s, {@code properties},
     * {@code additionalProperties} and {@code items}.
     */
    public JsonNode at(JsonPath path) {
        JsonNode current = node;
        for (Object seg : path.segments()) {
            current = resolve(current);
            if (current == null) {
                return null;
            }
            if (seg instanceof String key) {
                JsonNode p = current.path("properties").get(key);
                if (p == null) {
                    JsonNode ap = current.get("additionalProperties");
                    p = ap != null && ap.isObject() ? ap : null;
                }
                current = p;
            } else {
                JsonNode items = current.get("items");
                current = items != null && items.isObject() ? items : null;
            }
            if (current == null) {
                return null;
            }
        }
        return resolve(current);
    }

    /** Follows a local {@code $ref} ("#/$defs/x") to its target. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int guard = 0; s != null && s.has("$ref") && guard < 16; guard++) {
            String ref = s.get("$ref").asString();
            if (!ref.startsWith("#")) {
                return s;
            }
            s = node.at(ref.substring(1));
            if (s.isMissingNode()) {
                return null;
            }
        }
        return s;
    }

    /** The JSON types a sub-schema allows ("string", "integer", ...); empty when any. */
    public static Collection<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        if (schema == null) {
            return types;
        }
        JsonNode t = schema.get("type");
        if (t == null) {
            return types;
        }
        if (t.isArray()) {
            t.forEach(x -> types.add(x.asString()));
        } else {
            types.add(t.asString());
        }
        return types;
    }
}
