package io.imgbuild.core.config;

import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a checked config to a plugin's record: snake_case keys to camelCase components, Go
 * durations to {@link Duration}. The schema has already checked types, so binding only fails on a
 * plugin bug.
 */
final class ConfigBinder {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("imgbuild-config").addDeserializer(Duration.class, new DurationDeserializer()))
            .build();

    private ConfigBinder() {
    }

    static <T> T bind(ObjectNode node, Class<T> type) {
        return MAPPER.treeToValue(node, type);
    }

    private static final class DurationDeserializer extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
            return GoDuration.parse(p.getString());
        }
    }
}
