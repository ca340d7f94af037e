package io.imgbuild.core.template;

import io.imgbuild.core.json.JsonPath;
import tools.jackson.databind.node.ObjectNode;

/** A builder as the template writes it: its build name, type and raw config (without type and name). */
public record BuilderDef(int index, String name, String type, ObjectNode config, JsonPath path) {
}
