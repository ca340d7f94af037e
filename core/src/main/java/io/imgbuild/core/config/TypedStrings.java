package io.imgbuild.core.config;

import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.ConfigSchema;
import io.imgbuild.core.util.DataSize;
import io.imgbuild.core.util.GoDuration;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;

/** Checks strings the schema types as {@code x-type: duration} or {@code size}. */
final class TypedStrings {

    private TypedStrings() {
    }

    /** True when every typed string parsed. */
    static boolean check(ObjectNode node, ConfigSchema schema, ConfigOrigin origin, Problems problems) {
        AtomicBoolean ok = new AtomicBoolean(true);
        SchemaWalk.strings(node, schema, (value, path, keySchema) -> {
            String type = keySchema.path("x-type").asString("");
            if (type.isEmpty() || value.contains("{{")) {
                return;
            }
            try {
                if (type.equals("duration")) {
                    GoDuration.parse(value);
                } else if (type.equals("size")) {
                    DataSize.parseBytes(value);
                }
            } catch (IllegalArgumentException e) {
                ok.set(false);
                problems.add(origin.error(path, false, e.getMessage(), null));
            }
        });
        return ok.get();
    }
}
