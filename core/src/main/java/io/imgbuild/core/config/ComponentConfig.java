package io.imgbuild.core.config;

import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.problem.Severity;
import java.nio.file.Path;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One component's configuration as its plugin receives it in {@code prepare}: meta keys removed,
 * defaults filled in, interpolated, converted to the schema's types and checked against the schema.
 * Plugins bind it to a record with {@link #bind} and report further problems with {@link #error},
 * which locates them in the template.
 */
public final class ComponentConfig {

    private final ComponentKind kind;
    private final String type;
    private final ObjectNode node;
    private final Set<String> userKeys;
    private final ConfigOrigin origin;
    private final Problems problems;
    private final String buildName;
    private final Path workingDir;
    private final Path templateDir;
    private final Renderer renderer;

    ComponentConfig(ComponentKind kind, String type, ObjectNode node, Set<String> userKeys, ConfigOrigin origin,
                    Problems problems, String buildName, Path workingDir, Path templateDir, Renderer renderer) {
        this.kind = kind;
        this.type = type;
        this.node = node;
        this.userKeys = Set.copyOf(userKeys);
        this.origin = origin;
        this.problems = problems;
        this.buildName = buildName;
        this.workingDir = workingDir;
        this.templateDir = templateDir;
        this.renderer = renderer;
    }

    public ComponentKind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    /** The checked config (do not modify). */
    public ObjectNode node() {
        return node;
    }

    public String buildName() {
        return buildName;
    }

    public Path workingDir() {
        return workingDir;
    }

    public Path templateDir() {
        return templateDir;
    }

    /** Whether the template set this key (rather than the schema's default). */
    public boolean isSet(String key) {
        return userKeys.contains(key);
    }

    /** The config as a record whose components are the keys in camelCase ({@code iso_url} → {@code isoUrl}). */
    public <T> T bind(Class<T> type) {
        return RecordBinder.bind(node, type);
    }

    /**
     * Like {@link #bind}, but returns null when a value has the wrong type and the schema check has
     * already said so; a plugin then skips the checks that need that record. Any other binding
     * failure is a bug and is thrown.
     */
    public <T> T bindChecked(Class<T> type) {
        try {
            return bind(type);
        } catch (RuntimeException e) {
            if (hasErrors()) {
                return null;
            }
            throw e;
        }
    }

    /** Renders, at build time, strings that take {@code {{ .Field }}} values. */
    public Renderer renderer() {
        return renderer;
    }

    /** A path from the template, resolved against the working directory as Packer does ({@code ~} is home). */
    public Path resolvePath(String path) {
        return workingDir.resolve(io.imgbuild.core.util.HomePaths.expand(path)).normalize();
    }

    public void error(String key, String message, String hint) {
        error(JsonPath.ROOT.key(key), message, hint);
    }

    public void error(JsonPath at, String message, String hint) {
        problems.add(origin.problem(Severity.ERROR, at, false, message, hint));
    }

    /** An error about the component as a whole (e.g. "needs one of a, b"). */
    public void errorHere(String message, String hint) {
        problems.add(origin.problem(Severity.ERROR, JsonPath.ROOT, true, message, hint));
    }

    public void warning(String key, String message, String hint) {
        problems.add(origin.problem(Severity.WARNING, key == null ? JsonPath.ROOT : JsonPath.ROOT.key(key), key == null,
                message, hint));
    }

    public boolean hasErrors() {
        return problems.hasErrors();
    }

    /** Where this component's config sits in the template, e.g. {@code builders[0]}. */
    public ConfigOrigin origin() {
        return origin;
    }
}
