package io.imgbuild.postprocessor.vagrant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vagrant post-processor's options; defaults come from the schema (not inside {@code override}).
 *
 * @param catalog where and how to list the box in a Vagrant catalog; null: no catalog (as Packer)
 */
public record VagrantConfig(String output, int compressionLevel, List<String> include, String vagrantfileTemplate,
                            boolean vagrantfileTemplateGenerated, String providerOverride, String architecture,
                            Map<String, ProviderSettings> override, Catalog catalog) {

    /** Settings for one provider, each null when the override leaves it to the post-processor's own. */
    public record ProviderSettings(String output, Integer compressionLevel, List<String> include,
                                   String vagrantfileTemplate, Boolean vagrantfileTemplateGenerated) {
    }

    /**
     * imgbuild's addition: a Vagrant catalog ("box metadata") JSON listing the box, so boxes can be
     * served from a plain web server and {@code vagrant box add/outdated/update} work with them.
     *
     * @param output      the catalog's path (shared by the builds and runs that add to it)
     * @param name        the box's name, e.g. {@code acme/debian12}
     * @param version     this box's version in the catalog
     * @param description the catalog's description (kept from the file when null)
     * @param url         where users download this box from; null: a file:// URL of the box
     */
    public record Catalog(String output, String name, String version, String description, String url) {
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
                providerOverride, architecture, Map.of(), catalog);
    }

    /** 0 writes an uncompressed tar. */
    public boolean compressed() {
        return compressionLevel > 0;
    }
}
