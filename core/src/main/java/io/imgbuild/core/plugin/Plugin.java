package io.imgbuild.core.plugin;

import io.imgbuild.core.config.ComponentConfig;

/**
 * A builder, provisioner or post-processor type, found with {@link java.util.ServiceLoader}. A plugin
 * object is stateless: {@link #prepare} turns one checked config into the object that does the work.
 * Preparing must stay cheap (no SDK clients, no network): {@code validate} runs it for every build.
 *
 * @param <T> what {@link #prepare} makes: a Builder, Provisioner or PostProcessor
 */
public interface Plugin<T> {

    /** The template's {@code type} string, e.g. {@code qemu}. */
    String type();

    ComponentKind kind();

    /** Classpath resource of this plugin's config schema. */
    default String schemaResource() {
        return "io/imgbuild/schema/" + kind().word() + "/" + type() + ".schema.json";
    }

    /**
     * Checks what the schema cannot (keys that depend on each other, local files) and returns the
     * configured component. Report every problem through {@code config}; the result is not used when
     * any error was reported.
     */
    T prepare(ComponentConfig config);
}
