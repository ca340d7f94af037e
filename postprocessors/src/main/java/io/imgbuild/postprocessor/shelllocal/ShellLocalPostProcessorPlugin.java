package io.imgbuild.postprocessor.shelllocal;

import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.exec.LocalScriptSpec;
import io.imgbuild.core.exec.LocalScripts;
import io.imgbuild.core.plugin.PostProcessorPlugin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code shell-local} as a post-processor: the same local scripts, run after the build, with the
 * artifact's id and files in the environment. Its input passes through unchanged.
 */
public final class ShellLocalPostProcessorPlugin implements PostProcessorPlugin {

    @Override
    public String type() {
        return "shell-local";
    }

    @Override
    public PostProcessor prepare(ComponentConfig config) {
        LocalScriptSpec.check(config);
        LocalScripts scripts = new LocalScripts(LocalScriptSpec.from(config), config.renderer());
        return (ctx, artifact) -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PACKER_BUILD_NAME", ctx.build().name());
            env.put("PACKER_BUILDER_TYPE", ctx.build().type());
            env.put("PACKER_RUN_UUID", ctx.build().runUuid());
            env.put("IMGBUILD_ARTIFACT_ID", artifact.id());
            env.put("IMGBUILD_ARTIFACT_FILES", String.join("\n", artifact.files().stream().map(Object::toString).toList()));
            scripts.run(ctx.ui(), ctx.cancellation(), env, ctx.build().workingDir());
            return new PostProcessorResult(artifact, true, false);
        };
    }
}
