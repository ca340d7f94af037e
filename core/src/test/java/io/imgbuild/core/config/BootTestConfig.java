package io.imgbuild.core.config;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.SourceLocator;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.SchemaCatalog;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.util.Json;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test-only boot-test builder's config (the boot and http fragments, boot_key_interval, vm_name)
 * through the real pipeline, for other packages' tests: defaults, interpolation and a real renderer.
 */
public final class BootTestConfig {

    public final Problems problems = new Problems();
    public final ComponentConfig config;

    /**
     * @param json      the builder's keys, e.g. {@code {"boot_wait": "0s"}}
     * @param variables user variables for {@code {{ user `x` }}}
     */
    public BootTestConfig(Path workingDir, String json, Map<String, String> variables) {
        InterpolationContext ctx = InterpolationContext.builder().workingDir(workingDir).templateDir(workingDir)
                .buildName("b").buildType("boot-test").declaredVariables(variables).env(Map.of()).build();
        config = new ConfigPipeline(new Secrets()).run(ComponentKind.BUILDER, "boot-test",
                (ObjectNode) Json.MAPPER.readTree(json), new ConfigOrigin(JsonPath.ROOT, SourceLocator.NONE),
                SchemaCatalog.instance().get(SchemaCatalog.ROOT + "builder/boot-test.schema.json"), ctx, "the builder",
                problems);
    }
}
