package io.imgbuild.core.config;

import io.imgbuild.core.schema.ConfigSchema;
import io.imgbuild.core.secret.Secrets;
import tools.jackson.databind.node.ObjectNode;

/** Registers the values of {@code x-sensitive} keys (passwords, secret keys) for masking. */
final class Sensitive {

    private Sensitive() {
    }

    static void register(ObjectNode node, ConfigSchema schema, Secrets secrets) {
        SchemaWalk.strings(node, schema, (value, path, keySchema) -> {
            if (keySchema.path("x-sensitive").asBoolean(false)) {
                secrets.add(value);
            }
        });
    }
}
