package io.imgbuild.core.template;

import io.imgbuild.core.util.Json;
import tools.jackson.databind.node.ObjectNode;

final class ObjectNodes {

    private ObjectNodes() {
    }

    static ObjectNode empty() {
        return Json.MAPPER.createObjectNode();
    }
}
