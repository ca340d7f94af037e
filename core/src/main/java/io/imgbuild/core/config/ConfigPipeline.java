package io.imgbuild.core.config;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.ConfigSchema;
import io.imgbuild.core.schema.SchemaProblems;
import io.imgbuild.core.secret.Secrets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a component's raw config from the template into the checked {@link ComponentConfig} a
 * plugin prepares from. The order matters:
 * <ol>
 *   <li>old and unsupported keys (a warning and a rename, or an error);</li>
 *   <li>the schema's defaults for keys the template leaves out;</li>
 *   <li>interpolation of every string, with the {@code {{ .Field }}} values each key allows;</li>
 *   <li>strings converted to the schema's numbers and booleans (Packer's weak decoding);</li>
 *   <li>durations and sizes parsed, then the schema check;</li>
 *   <li>local paths that must exist; secrets registered for masking.</li>
 * </ol>
 */
public final class ConfigPipeline {

    private final Secrets secrets;

    public ConfigPipeline(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * @param raw     the config without meta keys (a copy the pipeline may change)
     * @param subject the component for messages, e.g. "the qemu builder"
     */
    public ComponentConfig run(ComponentKind kind, String type, ObjectNode raw, ConfigOrigin origin, ConfigSchema schema,
                               InterpolationContext context, String subject, Problems problems) {
        Problems local = new Problems();
        ObjectNode node = raw;
        NullValues.drop(node); // Packer's decoder treats "key": null as unset
        origin = ExtensionKeys.renameDeprecated(node, schema, origin, local);
        ExtensionKeys.rejectUnsupported(node, schema, origin, local);
        Set<String> userKeys = new HashSet<>(node.propertyNames());
        Defaults.fill(node, schema.node(), schema);
        InterpolationContext ctx = context.withAllowBuildFunction(kind != ComponentKind.BUILDER);
        new ConfigInterpolation(schema, origin, ctx, local).interpolate(node);
        Coercion.coerce(node, schema, JsonPath.ROOT);
        TypedStrings.check(node, schema, origin, local);
        // The schema runs even after earlier errors, so one pass shows everything; it stays quiet
        // where a problem was already reported (an unrendered template is not also a "wrong type").
        Set<String> reported = new HashSet<>();
        local.all().forEach(p -> reported.add(p.path()));
        for (Problem p : new SchemaProblems(schema, origin, subject).translate(schema.validate(node))) {
            if (!reported.contains(p.path())) {
                local.add(p);
            }
        }
        if (!local.hasErrors()) {
            LocalPaths.check(node, schema, origin, context.workingDir(), local);
        }
        Sensitive.register(node, schema, secrets);
        problems.addAll(local);
        Path wd = context.workingDir();
        return new ComponentConfig(kind, type, node, userKeys, origin, problems, context.buildName(), wd,
                context.templateDir(), new Renderer(ctx));
    }
}
