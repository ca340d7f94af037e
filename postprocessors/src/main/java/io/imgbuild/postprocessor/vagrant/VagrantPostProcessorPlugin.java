package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.plugin.PostProcessorPlugin;
import io.imgbuild.postprocessor.vagrant.VagrantConfig.ProviderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code vagrant} post-processor: Vagrant boxes for the libvirt, virtualbox and aws providers,
 * optionally listed in a catalog. Checks the Vagrantfile template and included files, for the
 * post-processor and each provider override, and the catalog's version.
 */
public final class VagrantPostProcessorPlugin implements PostProcessorPlugin {

    @Override
    public String type() {
        return "vagrant";
    }

    @Override
    public PostProcessor prepare(ComponentConfig config) {
        VagrantConfig c;
        try {
            c = config.bind(VagrantConfig.class);
        } catch (RuntimeException e) {
            if (config.hasErrors()) {
                return null; // a value of the wrong type, reported by the schema check
            }
            throw e;
        }
        checkFiles(config, JsonPath.ROOT, c.vagrantfileTemplate(), c.vagrantfileTemplateGenerated(), c.include());
        for (Map.Entry<String, ProviderSettings> e : c.override().entrySet()) {
            ProviderSettings o = e.getValue();
            if (o == null) {
                continue;
            }
            boolean generated = o.vagrantfileTemplateGenerated() != null ? o.vagrantfileTemplateGenerated()
                    : c.vagrantfileTemplateGenerated();
            checkFiles(config, JsonPath.ROOT.key("override").key(e.getKey()), o.vagrantfileTemplate(), generated,
                    o.include() == null ? List.of() : o.include());
        }
        if (c.catalog() != null) {
            checkVersion(config, c.catalog().version());
        }
        return new VagrantPostProcessor(c, config.renderer());
    }

    /** Vagrant compares versions as RubyGems does: dot-separated numbers, maybe a pre-release part. */
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    private static void checkVersion(ComponentConfig config, String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            config.error(JsonPath.ROOT.key("catalog").key("version"), "\"" + version + "\" is not a version Vagrant"
                    + " accepts", "use numbers separated by dots, e.g. \"1.2.0\" or \"20261122.1\"");
        }
    }

    private static void checkFiles(ComponentConfig config, JsonPath at, String template, boolean generated,
                                   List<String> include) {
        if (template != null && !template.isEmpty() && !generated && !template.contains("{{")) {
            Path p = config.resolvePath(template);
            if (!Files.isRegularFile(p)) {
                config.error(at.key("vagrantfile_template"), "local file \"" + template + "\" "
                        + (Files.isDirectory(p) ? "is a directory, not a file" : "does not exist") + " (looked at " + p + ")",
                        "fix the path (relative to the directory imgbuild runs in), or set vagrantfile_template_generated"
                                + " to true if an earlier step creates it");
            }
        }
        for (int i = 0; i < include.size(); i++) {
            String file = include.get(i);
            if (file == null || file.contains("{{")) {
                continue;
            }
            Path p = config.resolvePath(file);
            if (!Files.isRegularFile(p)) {
                config.warning(at.isRoot() ? "include" : "override", "include file \"" + file + "\" does not exist now"
                        + " (looked at " + p + "); the box cannot be made unless it exists when the post-processor runs",
                        "fix the path, or make sure an earlier step creates it");
            }
        }
    }
}
