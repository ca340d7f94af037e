package io.imgbuild.core.template;

import io.imgbuild.core.json.JsonPath;
import tools.jackson.databind.JsonNode;

/** A declared user variable; a null default makes it required. */
public record VariableDecl(String name, JsonNode defaultValue, JsonPath path) {

    public boolean required() {
        return defaultValue == null || defaultValue.isNull();
    }
}
