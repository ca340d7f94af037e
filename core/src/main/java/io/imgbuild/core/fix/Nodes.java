package io.imgbuild.core.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Small edits on templates that keep the key order, so a fixed template diffs cleanly. */
final class Nodes {

    private Nodes() {
    }

    /** Renames a key in place (same position); does nothing if {@code from} is absent or {@code to} exists. */
    static boolean rename(ObjectNode o, String from, String to) {
        if (!o.has(from) || o.has(to)) {
            return false;
        }
        replaceKey(o, from, to, o.get(from));
        return true;
    }

    /** Replaces key {@code from} by {@code to} with a new value, at the same position. */
    static void replaceKey(ObjectNode o, String from, String to, JsonNode value) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
        o.removeAll();
        for (Map.Entry<String, JsonNode> e : entries) {
            if (e.getKey().equals(from)) {
                o.set(to, value);
            } else if (!e.getKey().equals(to)) {
                o.set(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * A boolean as Go's strconv.ParseBool reads it (true, "true", "1", "T", ...), or null when the
     * value is something else, e.g. a {{user}} template: then a fixer cannot decide and leaves it.
     */
    static Boolean bool(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (!n.isString()) {
            return null;
        }
        return switch (n.asString()) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Every object in the template's builders array. */
    static void eachBuilder(ObjectNode template, Consumer<ObjectNode> action) {
        eachIn(template.get("builders"), action);
    }

    static void eachProvisioner(ObjectNode template, Consumer<ObjectNode> action) {
        eachIn(template.get("provisioners"), action);
    }

    /** Every post-processor object, inside sequences too. */
    static void eachPostProcessor(ObjectNode template, Consumer<ObjectNode> action) {
        JsonNode pps = template.get("post-processors");
        if (pps == null || !pps.isArray()) {
            return;
        }
        for (JsonNode item : pps) {
            if (item.isArray()) {
                eachIn(item, action);
            } else if (item instanceof ObjectNode o) {
                action.accept(o);
            }
        }
    }

    private static void eachIn(JsonNode array, Consumer<ObjectNode> action) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (JsonNode n : array) {
            if (n instanceof ObjectNode o) {
                action.accept(o);
            }
        }
    }
}
