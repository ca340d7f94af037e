package io.imgbuild.postprocessor.manifest;

import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.PostProcessorPlugin;
import java.util.Map;

/** {@code manifest}: appends a record of each build to Packer's packer-manifest.json. */
public final class ManifestPostProcessorPlugin implements PostProcessorPlugin {

    @Override
    public String type() {
        return "manifest";
    }

    @Override
    public PostProcessor prepare(ComponentConfig config) {
        ManifestConfig c = config.bind(ManifestConfig.class);
        return new ManifestPostProcessor(config.resolvePath(c.output()), c.stripPath(), c.stripTime(),
                c.customData() == null ? Map.of() : c.customData());
    }

    record ManifestConfig(String output, boolean stripPath, boolean stripTime, Map<String, String> customData) {
    }
}
