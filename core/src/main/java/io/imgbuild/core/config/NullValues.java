package io.imgbuild.core.config;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Removes keys whose value is null, in nested objects too: to Packer, {@code "memory": null} means unset. */
final class NullValues {

    private NullValues() {
    }

    static void drop(ObjectNode node) {
        for (Map.Entry<String, JsonNode> e : List.copyOf(node.properties())) {
            if (e.getValue().isNull()) {
                node.remove(e.getKey());
            } else if (e.getValue() instanceof ObjectNode child) {
                drop(child);
            }
        }
    }
}
