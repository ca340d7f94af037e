package io.imgbuild.postprocessor.vagrant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vagrant post-processor's options; defaults come from the schema (not inside {@code override}). */
public record VagrantConfig(String output, int compressionLevel, List<String> include, String vagrantfileTemplate,
                            boolean vagrantfileTemplateGenerated, String providerOverride, String architecture,
                            Map<String, ProviderSettings> override) {

    /** Settings for one provider, each null when the override leaves it to the post-processor's own. */
    public record ProviderSettings(String output, Integer compressionLevel, List<String> include,
                                   String vagrantfileTemplate, Boolean vagrantfileTemplateGenerated) {
    }

    public VagrantConfig {
        include = include == null ? List.of() : List.copyOf(include);
        override = override == null ? Map.of() : new LinkedHashMap<>(override);
    }

    /** The settings for a provider: {@code override.<provider>} merged over the post-processor's own. */
    public VagrantConfig forProvider(String provider) {
        ProviderSettings o = override.get(provider);
        if (o == null) {
            return this;
        }
        return new VagrantConfig(o.output() != null ? o.output() : output,
                o.compressionLevel() != null ? o.compressionLevel() : compressionLevel,
                o.include() != null ? o.include() : include,
                o.vagrantfileTemplate() != null ? o.vagrantfileTemplate() : vagrantfileTemplate,
                o.vagrantfileTemplateGenerated() != null ? o.vagrantfileTemplateGenerated() : vagrantfileTemplateGenerated,
                providerOverride, architecture, Map.of());
    }

    /** 0 writes an uncompressed tar. */
    public boolean compressed() {
        return compressionLevel > 0;
    }
}
