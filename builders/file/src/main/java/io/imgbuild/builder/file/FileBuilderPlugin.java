package io.imgbuild.builder.file;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.BuilderPlugin;

/** The {@code file} builder: an artifact that is one file, from content or a copy of a source. */
public final class FileBuilderPlugin implements BuilderPlugin {

    @Override
    public String type() {
        return "file";
    }

    @Override
    public Builder prepare(ComponentConfig config) {
        FileBuilderConfig c = config.bind(FileBuilderConfig.class);
        if ((c.content() == null) == (c.source() == null)) {
            config.errorHere(c.content() == null ? "nothing to write: set content or source"
                    : "content and source cannot both be set", "set exactly one of content and source");
        }
        return new FileBuilder(c.content(), c.source() == null ? null : config.resolvePath(c.source()),
                config.resolvePath(c.target()));
    }

    record FileBuilderConfig(String content, String source, String target) {
    }
}
