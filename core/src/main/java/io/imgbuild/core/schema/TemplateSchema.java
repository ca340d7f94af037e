package io.imgbuild.core.schema;

import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.plugin.Plugin;
import io.imgbuild.core.plugin.PluginRegistry;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assembles one JSON Schema for the whole template language: the template schema plus every
 * plugin's, selected by {@code type}, so an editor completes and checks each component's keys.
 */
public final class TemplateSchema {

    private static final String DURATION_PATTERN = "^([-+]?(0|([0-9]+(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+)|.*\\{\\{.*)$";

    private TemplateSchema() {
    }

    public static ObjectNode assemble(PluginRegistry plugins) {
        SchemaCatalog catalog = SchemaCatalog.instance();
        ObjectNode root = catalog.expanded(SchemaCatalog.TEMPLATE_SCHEMA);
        ObjectNode defs = (ObjectNode) root.get("$defs");
        for (ComponentKind kind : ComponentKind.values()) {
            ObjectNode metaDef = (ObjectNode) (kind == ComponentKind.POST_PROCESSOR
                    ? defs.get("postProcessor").get("anyOf").get(1) : defs.get(kind == ComponentKind.BUILDER ? "builder"
                    : "provisioner"));
            ArrayNode typeEnum = ((ObjectNode) metaDef.get("properties").get("type")).putArray("enum");
            ArrayNode allOf = metaDef.putArray("allOf");
            for (Map.Entry<String, ? extends Plugin<?>> e : plugins.types(kind).entrySet()) {
                typeEnum.add(e.getKey());
                String defName = kind.word() + "." + e.getKey();
                ObjectNode pluginSchema = catalog.expanded(e.getValue().schemaResource());
                pluginSchema.remove("$schema");
                hoistDefinitions(pluginSchema, defName, defs);
                ObjectNode props = (ObjectNode) pluginSchema.get("properties");
                metaDef.get("properties").properties().forEach(m -> props.set(m.getKey(), m.getValue().deepCopy()));
                ((ObjectNode) props.get("type")).remove("enum");
                ((ObjectNode) props.get("type")).put("const", e.getKey());
                addPatterns(pluginSchema);
                defs.set(defName, pluginSchema);
                ObjectNode rule = allOf.addObject();
                ObjectNode cond = rule.putObject("if");
                cond.putObject("properties").putObject("type").put("const", e.getKey());
                cond.putArray("required").add("type");
                rule.putObject("then").put("$ref", "#/$defs/" + defName);
            }
        }
        ArrayNode stringForm = ((ObjectNode) defs.get("postProcessor").get("anyOf").get(0)).putArray("enum");
        plugins.types(ComponentKind.POST_PROCESSOR).keySet().forEach(stringForm::add);
        addPatterns(root);
        return root;
    }

    private static final String SCALAR_STRING = "^\\s*(-?[0-9]+(\\.[0-9]+)?|true|false|1|0)\\s*$|\\{\\{";

    private static void allowStringForm(ObjectNode o) {
        JsonNode type = o.get("type");
        if (type == null || !type.isString()) {
            return;
        }
        String t = type.asString();
        if (!t.equals("integer") && !t.equals("number") && !t.equals("boolean")) {
            return;
        }
        o.remove("type");
        ArrayNode anyOf = o.putArray("anyOf");
        anyOf.addObject().put("type", t);
        anyOf.addObject().put("type", "string").put("pattern", SCALAR_STRING);
    }

    /**
     * A plugin's own {@code $defs} move to the root (its refs would not resolve inside another
     * document), renamed {@code <plugin>.<name>} so plugins cannot clash.
     */
    private static void hoistDefinitions(ObjectNode pluginSchema, String prefix, ObjectNode rootDefs) {
        JsonNode own = pluginSchema.remove("$defs");
        if (own == null) {
            return;
        }
        own.properties().forEach(d -> rootDefs.set(prefix + "." + d.getKey(), d.getValue()));
        rewriteRefs(pluginSchema, prefix);
        own.properties().forEach(d -> rewriteRefs(d.getValue(), prefix));
    }

    private static void rewriteRefs(JsonNode node, String prefix) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#/$defs/")) {
                o.put("$ref", "#/$defs/" + prefix + "." + ref.asString().substring("#/$defs/".length()));
            }
            o.properties().forEach(e -> rewriteRefs(e.getValue(), prefix));
        } else if (node instanceof ArrayNode a) {
            a.forEach(x -> rewriteRefs(x, prefix));
        }
    }

    /**
     * Editors do not know x-type: give durations a pattern they can check. And as interpolation
     * makes strings ("memory": "{{user `mem`}}"), numbers and booleans also accept a template or a
     * string that converts.
     */
    private static void addPatterns(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if ("duration".equals(o.path("x-type").asString("")) && !o.has("pattern")) {
                o.put("pattern", DURATION_PATTERN);
            }
            o.properties().forEach(e -> addPatterns(e.getValue()));
            allowStringForm(o); // after the children: its own new branches need no second pass
        } else if (node instanceof ArrayNode a) {
            a.forEach(TemplateSchema::addPatterns);
        }
    }
}
