package io.imgbuild.testkit;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.config.ConfigPipeline;
import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.SourceLocator;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.plugin.Plugin;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.SchemaCatalog;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one plugin's {@code prepare} on a config written as JSON, through the same pipeline as
 * {@code imgbuild validate} (defaults, interpolation, conversion, schema, local paths), for plugin
 * unit tests. The component sits at the root of a pretend template, so problem paths are the config's
 * own keys ({@code iso_checksum}, {@code boot_command[1]}).
 *
 * <pre>{@code
 * var r = PluginConfigs.prepare(new QemuBuilderPlugin(), """
 *     {"iso_url": "x.iso", "iso_checksum": "none", "ssh_username": "u"}""", tempDir);
 * assertEquals(List.of(), r.errorTexts());
 * }</pre>
 */
public final class PluginConfigs {

    /** Keys the template engine handles itself and removes before the plugin sees its config. */
    private static final Map<ComponentKind, Set<String>> META_KEYS = Map.of(
            ComponentKind.BUILDER, Set.of("type", "name"),
            ComponentKind.PROVISIONER, Set.of("type", "only", "except", "override", "pause_before", "max_retries", "timeout"),
            ComponentKind.POST_PROCESSOR, Set.of("type", "name", "only", "except", "keep_input_artifact"));

    private PluginConfigs() {
    }

    /**
     * What {@code prepare} returned and every problem the pipeline and the plugin reported.
     *
     * @param prepared the plugin's result (null when it threw or returned null)
     */
    public record Prepared<T>(T prepared, ComponentConfig config, Problems problems) {

        public List<Problem> errors() {
            return problems.errors();
        }

        public List<Problem> warnings() {
            return problems.warnings();
        }

        /** Each error as {@code path: message} (path empty for the whole component). */
        public List<String> errorTexts() {
            return texts(errors());
        }

        public List<String> warningTexts() {
            return texts(warnings());
        }

        /** The errors at exactly this path. */
        public List<Problem> errorsAt(String path) {
            return errors().stream().filter(p -> path.equals(p.path())).toList();
        }

        /** Whether some error's path is {@code path} and its message contains {@code fragment}. */
        public boolean hasError(String path, String fragment) {
            return errorsAt(path).stream().anyMatch(p -> p.message().contains(fragment));
        }

        /** Whether some error, wherever it is, has a message containing {@code fragment}. */
        public boolean hasErrorContaining(String fragment) {
            return errors().stream().anyMatch(p -> p.message().contains(fragment));
        }

        public boolean hasWarning(String path, String fragment) {
            return warnings().stream().anyMatch(p -> path.equals(p.path()) && p.message().contains(fragment));
        }

        /** Throws an AssertionError listing the errors, if any. */
        public Prepared<T> requireNoErrors() {
            if (problems.hasErrors()) {
                throw new AssertionError("expected no errors, got:\n" + String.join("\n", errorTexts()));
            }
            return this;
        }

        private static List<String> texts(List<Problem> list) {
            return list.stream().map(p -> (p.path() == null || p.path().isEmpty() ? "" : p.path() + ": ") + p.message())
                    .collect(Collectors.toList());
        }
    }

    /** Prepares with the current directory as working and template directory. */
    public static <T> Prepared<T> prepare(Plugin<T> plugin, String json) {
        return prepare(plugin, json, Path.of("").toAbsolutePath());
    }

    /**
     * Prepares {@code json} (one component's object; meta keys such as {@code type} are removed first,
     * so a component can be pasted from a template) with {@code workingDir} as the working and template
     * directory, and the plugin's type as build name and type.
     */
    public static <T> Prepared<T> prepare(Plugin<T> plugin, String json, Path workingDir) {
        InterpolationContext ctx = InterpolationContext.builder()
                .workingDir(workingDir)
                .templateDir(workingDir)
                .buildName(plugin.type())
                .buildType(plugin.type())
                .env(Map.of())
                .build();
        return prepare(plugin, json, ctx);
    }

    /** Prepares {@code json} with a context of the caller's making. */
    public static <T> Prepared<T> prepare(Plugin<T> plugin, String json, InterpolationContext ctx) {
        JsonNode tree = Json.MAPPER.readTree(json);
        if (!(tree instanceof ObjectNode raw)) {
            throw new IllegalArgumentException("a component config is a JSON object, not: " + json);
        }
        META_KEYS.get(plugin.kind()).forEach(raw::remove);
        Problems problems = new Problems();
        ComponentConfig config = new ConfigPipeline(Secrets.global()).run(plugin.kind(), plugin.type(), raw,
                new ConfigOrigin(JsonPath.ROOT, SourceLocator.NONE),
                SchemaCatalog.instance().get(plugin.schemaResource()), ctx,
                "the " + plugin.type() + " " + plugin.kind().word(), problems);
        T prepared = plugin.prepare(config);
        return new Prepared<>(prepared, config, problems);
    }
}
