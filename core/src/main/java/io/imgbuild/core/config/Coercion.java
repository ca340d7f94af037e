package io.imgbuild.core.config;

import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.schema.ConfigSchema;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Packer decodes configs weakly: "2048" is a fine memory size, 8 a fine string, "x" a one-item list.
 * Interpolation only makes strings, so without this {@code "memory": "{{user `mem`}}"} could never
 * pass. Values that cannot be converted are left for the schema to report.
 */
final class Coercion {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Coercion() {
    }

    static void coerce(ObjectNode node, ConfigSchema schema, JsonPath path) {
        for (Map.Entry<String, JsonNode> e : List.copyOf(node.properties())) {
            JsonNode v = convert(e.getValue(), schema, path.key(e.getKey()));
            if (v != e.getValue()) {
                node.set(e.getKey(), v);
            }
        }
    }

    private static JsonNode convert(JsonNode value, ConfigSchema schema, JsonPath path) {
        JsonNode sub = schema.at(path);
        Collection<String> types = ConfigSchema.types(sub);
        if (value.isObject()) {
            coerce((ObjectNode) value, schema, path);
            return value;
        }
        if (value.isArray()) {
            ArrayNode a = (ArrayNode) value;
            for (int i = 0; i < a.size(); i++) {
                JsonNode c = convert(a.get(i), schema, path.index(i));
                if (c != a.get(i)) {
                    a.set(i, c);
                }
            }
            return value;
        }
        if (types.isEmpty() || types.contains(jsonType(value))) {
            return value;
        }
        if (value.isString()) {
            String s = value.asString().trim();
            if (types.contains("integer") && s.matches("-?\\d{1,18}")) {
                return NODES.numberNode(Long.parseLong(s));
            }
            if (types.contains("number") && s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                return NODES.numberNode(new BigDecimal(s));
            }
            if (types.contains("boolean")) {
                Boolean b = parseBool(s);
                if (b != null) {
                    return NODES.booleanNode(b);
                }
            }
            if (types.contains("array")) {
                ArrayNode single = NODES.arrayNode();
                single.add(convert(value, schema, path.index(0)));
                return single;
            }
        } else if ((value.isNumber() || value.isBoolean()) && types.contains("string")) {
            return NODES.stringNode(value.isBoolean() ? String.valueOf(value.asBoolean()) : value.asString());
        } else if (value.isIntegralNumber() && types.contains("number")) {
            return value;
        }
        return value;
    }

    /** Go's strconv.ParseBool, which Packer's decoder uses. */
    private static Boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String jsonType(JsonNode v) {
        if (v.isString()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isArray() ? "array" : "object";
    }
}
