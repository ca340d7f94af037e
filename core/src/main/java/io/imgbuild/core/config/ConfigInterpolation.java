package io.imgbuild.core.config;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.interpolate.Interpolator;
import io.imgbuild.core.interpolate.Rendered;
import io.imgbuild.core.interpolate.Template;
import io.imgbuild.core.interpolate.TemplateError;
import io.imgbuild.core.interpolate.TemplateException;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.ConfigSchema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Interpolates every string of a config at load time. A key's schema says which build-time
 * {@code {{ .Field }}} values it takes ({@code x-build-vars}, inherited by array items and map
 * values); strings that use them are checked now and left for {@link Renderer} to render when the
 * step runs.
 */
final class ConfigInterpolation {

    private final ConfigSchema schema;
    private final ConfigOrigin origin;
    private final InterpolationContext context;
    private final Problems problems;

    ConfigInterpolation(ConfigSchema schema, ConfigOrigin origin, InterpolationContext context, Problems problems) {
        this.schema = schema;
        this.origin = origin;
        this.context = context;
        this.problems = problems;
    }

    void interpolate(ObjectNode node) {
        walk(node, JsonPath.ROOT, Set.of());
    }

    private JsonNode walk(JsonNode node, JsonPath path, Set<String> inherited) {
        Set<String> fields = buildVars(path, inherited);
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> e : List.copyOf(o.properties())) {
                JsonNode replaced = walk(e.getValue(), path.key(e.getKey()), fields);
                if (replaced != e.getValue()) {
                    o.set(e.getKey(), replaced);
                }
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                JsonNode replaced = walk(a.get(i), path.index(i), fields);
                if (replaced != a.get(i)) {
                    a.set(i, replaced);
                }
            }
        } else if (node.isString()) {
            return string(node.asString(), path, fields);
        }
        return node;
    }

    private JsonNode string(String text, JsonPath path, Set<String> fields) {
        if (text.indexOf("{{") < 0) {
            return StringNode.valueOf(text);
        }
        InterpolationContext ctx = context.withAllowedFields(fields);
        Template t;
        try {
            t = Template.parse(text);
        } catch (TemplateException e) {
            report(path, e.errors());
            return StringNode.valueOf(text);
        }
        List<TemplateError> errors = Interpolator.check(t, ctx);
        if (!errors.isEmpty()) {
            report(path, errors);
            return StringNode.valueOf(text);
        }
        try {
            Rendered r = Interpolator.renderNow(t, ctx);
            return StringNode.valueOf(r.text());
        } catch (TemplateException e) {
            report(path, e.errors());
            return StringNode.valueOf(text);
        }
    }

    private void report(JsonPath path, List<TemplateError> errors) {
        for (TemplateError e : errors) {
            problems.add(origin.errorInString(path, e.offset(), e.message(), e.hint()));
        }
    }

    private Set<String> buildVars(JsonPath path, Set<String> inherited) {
        if (path.isRoot()) {
            return inherited;
        }
        JsonNode s = schema.at(path);
        JsonNode vars = s == null ? null : s.get("x-build-vars");
        if (vars == null || !vars.isArray()) {
            return inherited;
        }
        Set<String> out = new LinkedHashSet<>();
        vars.forEach(v -> out.add(v.asString()));
        return out;
    }
}
