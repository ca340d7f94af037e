package io.imgbuild.core.fix;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Rewrites text inside every string of the template (old template function names). */
record StringRewriteFixer(String name, String description, Map<String, String> replacements) implements Fixer {

    @Override
    public boolean apply(ObjectNode template) {
        return rewrite(template);
    }

    private boolean rewrite(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : java.util.List.copyOf(o.properties())) {
                if (e.getValue().isString()) {
                    String fixed = replace(e.getValue().asString());
                    if (!fixed.equals(e.getValue().asString())) {
                        o.set(e.getKey(), StringNode.valueOf(fixed));
                        changed = true;
                    }
                } else {
                    changed |= rewrite(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isString()) {
                    String fixed = replace(a.get(i).asString());
                    if (!fixed.equals(a.get(i).asString())) {
                        a.set(i, StringNode.valueOf(fixed));
                        changed = true;
                    }
                } else {
                    changed |= rewrite(a.get(i));
                }
            }
        }
        return changed;
    }

    private String replace(String s) {
        if (s.indexOf("{{") < 0) {
            return s;
        }
        String out = s;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            out = out.replace(r.getKey(), r.getValue());
        }
        return out;
    }
}
