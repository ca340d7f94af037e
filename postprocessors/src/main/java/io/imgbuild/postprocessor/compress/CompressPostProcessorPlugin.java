package io.imgbuild.postprocessor.compress;

import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.PostProcessorPlugin;
import io.imgbuild.core.problem.DidYouMean;
import java.util.Optional;

/**
 * The {@code compress} post-processor: picks the archive format from {@code format} or the output's
 * extension and checks the compression level against that format's range.
 */
public final class CompressPostProcessorPlugin implements PostProcessorPlugin {

    /** What the default level is when a template writes -1 (Packer's "default"). */
    static final int DEFAULT_LEVEL = 6;

    @Override
    public String type() {
        return "compress";
    }

    @Override
    public PostProcessor prepare(ComponentConfig config) {
        CompressConfig c;
        try {
            c = config.bind(CompressConfig.class);
        } catch (RuntimeException e) {
            if (config.hasErrors()) {
                return null; // a value of the wrong type, reported by the schema check
            }
            throw e;
        }
        ArchiveFormat format = format(config, c);
        int level = c.compressionLevel();
        if (format != null) {
            level = level(config, c, format);
        }
        return new CompressPostProcessor(c.output(), format, level, config.renderer());
    }

    private static ArchiveFormat format(ComponentConfig config, CompressConfig c) {
        if (c.format() != null && !c.format().isEmpty()) {
            Optional<ArchiveFormat> f = ArchiveFormat.byName(c.format());
            if (f.isEmpty()) {
                config.error("format", "unknown archive format \"" + c.format() + "\""
                        + DidYouMean.suffix(c.format(), ArchiveFormat.names()),
                        "use one of " + String.join(", ", ArchiveFormat.names()));
                return null;
            }
            return f.get();
        }
        String output = c.output() == null ? "" : maskActions(c.output());
        String name = output.substring(output.replace('\\', '/').lastIndexOf('/') + 1);
        Optional<ArchiveFormat> f = ArchiveFormat.byFileName(name);
        if (f.isEmpty() && config.isSet("output")) {
            config.warning("output", "the name \"" + c.output() + "\" does not end with a known archive extension, so a"
                    + " gzip-compressed tar is written under that name (as Packer does)",
                    "end output with .tar.gz, .zip, .tar.zst, ... or set format");
        }
        return f.orElse(ArchiveFormat.TAR_GZIP);
    }

    private static int level(ComponentConfig config, CompressConfig c, ArchiveFormat format) {
        int level = c.compressionLevel();
        if (!format.hasLevels()) {
            if (config.isSet("compression_level")) {
                config.warning("compression_level", "compression_level is ignored: plain tar does not compress",
                        "remove compression_level, or use a compressed format such as tar.gz");
            }
            return 0;
        }
        if (level == -1 && config.isSet("compression_level")) {
            config.warning("compression_level", "compression_level -1 meant \"the default\" in Packer; "
                    + DEFAULT_LEVEL + " is used", "remove compression_level to get the default");
            return Math.min(DEFAULT_LEVEL, format.maxLevel());
        }
        if (level < format.minLevel() || level > format.maxLevel()) {
            config.error("compression_level", "compression level " + level + " is out of range for "
                    + format.describe() + ": use " + format.levelRange(),
                    "set compression_level between " + format.minLevel() + " and " + format.maxLevel());
        }
        return level;
    }

    /** {@code {{ .BuildName }}} and the like are rendered at run time; they do not decide the extension. */
    private static String maskActions(String text) {
        return text.replaceAll("\\{\\{.*?}}", "_");
    }
}
