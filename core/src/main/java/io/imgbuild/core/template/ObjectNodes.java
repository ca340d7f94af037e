package io.imgbuild.core.template;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

final class ObjectNodes {

    private ObjectNodes() {
    }

    static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
