package io.imgbuild.core.run;

import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.State;
import io.imgbuild.core.step.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of Packer's {@code build} template function and the environment every script gets.
 * Builders add their own entries (Host, Port, ...) under {@link #KEY}.
 */
public final class BuildData {

    /** Builder-provided build data (Host, Port, User, SourceAMI, PackerHTTPAddr, ...). */
    public static final Key<Map<String, String>> KEY = new Key<>("build-data");

    private BuildData() {
    }

    /** Adds (or replaces) builder-provided entries, e.g. the HTTP server's PackerHTTPAddr. */
    public static void add(State state, Map<String, String> entries) {
        Map<String, String> data = new LinkedHashMap<>(state.find(KEY).orElse(Map.of()));
        data.putAll(entries);
        state.put(KEY, Map.copyOf(data));
    }

    static Map<String, String> of(StepContext ctx) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("PackerRunUUID", ctx.build().runUuid());
        data.put("PackerHTTPAddr", "");
        data.put("PackerHTTPIP", "");
        data.put("PackerHTTPPort", "");
        data.put("ConnType", "none");
        data.putAll(ctx.state().find(KEY).orElse(Map.of()));
        data.put("BuildName", ctx.build().name());
        data.put("BuilderType", ctx.build().type());
        return Map.copyOf(data);
    }

    static Map<String, String> scriptEnvironment(Map<String, String> data) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PACKER_BUILD_NAME", data.get("BuildName"));
        env.put("PACKER_BUILDER_TYPE", data.get("BuilderType"));
        env.put("PACKER_HTTP_ADDR", data.getOrDefault("PackerHTTPAddr", ""));
        env.put("PACKER_RUN_UUID", data.get("PackerRunUUID"));
        return Map.copyOf(env);
    }
}
