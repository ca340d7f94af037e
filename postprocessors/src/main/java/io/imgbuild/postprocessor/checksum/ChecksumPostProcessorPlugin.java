package io.imgbuild.postprocessor.checksum;

import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.PostProcessorPlugin;
import java.util.List;

/** {@code checksum}: one checksum file per algorithm for the artifact's files (sha256 by default). */
public final class ChecksumPostProcessorPlugin implements PostProcessorPlugin {

    @Override
    public String type() {
        return "checksum";
    }

    @Override
    public PostProcessor prepare(ComponentConfig config) {
        ChecksumConfig c = config.bind(ChecksumConfig.class);
        if (c.checksumTypes().size() > 1 && !c.output().contains(".ChecksumType")) {
            config.error("output", "with several checksum_types, output must contain {{.ChecksumType}}",
                    "otherwise every type would write the same file; e.g. \"sums.{{.ChecksumType}}\"");
        }
        return new ChecksumPostProcessor(c.checksumTypes().stream().map(Algorithm::of).toList(), c.output(),
                config.renderer());
    }

    record ChecksumConfig(List<String> checksumTypes, String output) {
    }
}
