package io.imgbuild.provisioner.file;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.plugin.ProvisionerPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code file} provisioner: copies files, directories or text between the build host and the
 * guest (see {@link FileProvisioner}). Checks its config first: what to copy, local sources that
 * exist.
 */
public final class FileProvisionerPlugin implements ProvisionerPlugin {

    @Override
    public String type() {
        return "file";
    }

    @Override
    public Provisioner prepare(ComponentConfig config) {
        FileConfig c = config.bindChecked(FileConfig.class);
        if (c == null) {
            return null;
        }
        List<String> sources = c.allSources();
        if (c.hasContent() && !sources.isEmpty()) {
            config.error("content", "content cannot be used with source or sources",
                    "write the text with content, or copy files with source/sources, not both");
        } else if (!c.hasContent() && sources.isEmpty()) {
            config.errorHere("nothing to copy: set source, sources or content",
                    "e.g. \"source\": \"files/motd\" to upload a local file");
        }
        if (c.hasContent() && c.download()) {
            config.error("content", "content can only be uploaded, and direction is download",
                    "remove content, or set direction to upload");
        }
        if (!c.download() && !c.generated()) {
            checkLocalSources(config, c);
        }
        if (sources.size() > 1 && c.destination() != null && !c.destination().endsWith("/")) {
            config.warning("destination", "several sources are copied into destination \"" + c.destination()
                    + "\", which does not end with /", "end destination with / so it is treated as a directory");
        }
        if (c.hasContent() && c.destination() != null && c.destination().endsWith("/")) {
            config.error("destination", "content is written to one file, and destination \"" + c.destination()
                    + "\" ends with /, so it names a directory", "set destination to the file to write, e.g. \""
                    + c.destination() + "motd\"");
        }
        return new FileProvisioner(c, config.renderer(), config.workingDir());
    }

    private static void checkLocalSources(ComponentConfig config, FileConfig c) {
        if (c.source() != null && !c.source().isEmpty()) {
            checkLocal(config, JsonPath.ROOT.key("source"), c.source());
        }
        for (int i = 0; i < c.sources().size(); i++) {
            checkLocal(config, JsonPath.ROOT.key("sources").index(i), c.sources().get(i));
        }
    }

    private static void checkLocal(ComponentConfig config, JsonPath at, String source) {
        if (source.contains("{{")) {
            return;
        }
        Path p;
        try {
            p = config.resolvePath(source);
        } catch (RuntimeException e) {
            config.error(at, "\"" + source + "\" is not a valid path", null);
            return;
        }
        if (!Files.exists(p)) {
            config.error(at, "local file \"" + source + "\" does not exist (looked at " + p + ")",
                    "relative paths are resolved against the directory imgbuild runs in; set \"generated\": true if an"
                            + " earlier step creates it");
        }
    }
}
