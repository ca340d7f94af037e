package io.imgbuild.core.interpolate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a template string may draw on, for one place in one run. Immutable; derive variants
 * with the {@code withX} methods or {@link #toBuilder()}.
 *
 * <p>Template-time values: declared user variables, the environment (only where
 * {@link #envAllowed()}), build name and type, directories and the run's init time. Build-time
 * values: the {@code {{ .Field }}} names this config field accepts ({@link #allowedFields()}),
 * whether it accepts the {@code build} function, and, at run time, their values.
 *
 * <p>Maps must not contain null keys or values.
 */
public final class InterpolationContext {

    private final Map<String, String> declaredVariables;
    private final boolean envAllowed;
    private final Map<String, String> env;
    private final String buildName;
    private final String buildType;
    private final Path workingDir;
    private final Path templateDir;
    private final Instant initTime;
    private final Set<String> allowedFields;
    private final boolean allowBuildFunction;
    private final Map<String, String> fieldValues;
    private final Map<String, String> buildData;

    private InterpolationContext(Builder b) {
        this.declaredVariables = b.declaredVariables;
        this.envAllowed = b.envAllowed;
        this.env = b.env;
        this.buildName = b.buildName;
        this.buildType = b.buildType;
        this.workingDir = b.workingDir;
        this.templateDir = b.templateDir;
        this.initTime = b.initTime;
        this.allowedFields = b.allowedFields;
        this.allowBuildFunction = b.allowBuildFunction;
        this.fieldValues = b.fieldValues;
        this.buildData = b.buildData;
    }

    /**
     * A builder with defaults: no variables, env not allowed but the process environment as its
     * source, no build name or type, the current directory, no template directory, init time now,
     * no build-time fields.
     */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Declared user variables: name to (already resolved) value. */
    public Map<String, String> declaredVariables() {
        return declaredVariables;
    }

    /** Whether {@code env} may be used: only in variable defaults. */
    public boolean envAllowed() {
        return envAllowed;
    }

    /** Environment that {@code env} reads. */
    public Map<String, String> env() {
        return env;
    }

    /** Name of the current build, or null where no build is in scope (e.g. in variables). */
    public String buildName() {
        return buildName;
    }

    /** Type of the current build's builder, or null where no build is in scope. */
    public String buildType() {
        return buildType;
    }

    public Path workingDir() {
        return workingDir;
    }

    /** Directory of the template file, or null when the template was not read from a file. */
    public Path templateDir() {
        return templateDir;
    }

    /** The run's init time: one instant for the whole run. */
    public Instant initTime() {
        return initTime;
    }

    /** Build-time dot-field names ({@code HTTPIP} for {@code {{ .HTTPIP }}}) this field accepts. */
    public Set<String> allowedFields() {
        return allowedFields;
    }

    /** Whether this field accepts the {@code build} function. */
    public boolean allowBuildFunction() {
        return allowBuildFunction;
    }

    /** Run-time values of dot-fields. */
    public Map<String, String> fieldValues() {
        return fieldValues;
    }

    /** Run-time build data read by the {@code build} function (Host, Port, ID, ...). */
    public Map<String, String> buildData() {
        return buildData;
    }

    public InterpolationContext withDeclaredVariables(Map<String, String> variables) {
        return toBuilder().declaredVariables(variables).build();
    }

    public InterpolationContext withEnvAllowed(boolean allowed) {
        return toBuilder().envAllowed(allowed).build();
    }

    public InterpolationContext withEnv(Map<String, String> environment) {
        return toBuilder().env(environment).build();
    }

    public InterpolationContext withBuildName(String name) {
        return toBuilder().buildName(name).build();
    }

    public InterpolationContext withBuildType(String type) {
        return toBuilder().buildType(type).build();
    }

    public InterpolationContext withWorkingDir(Path dir) {
        return toBuilder().workingDir(dir).build();
    }

    public InterpolationContext withTemplateDir(Path dir) {
        return toBuilder().templateDir(dir).build();
    }

    public InterpolationContext withInitTime(Instant time) {
        return toBuilder().initTime(time).build();
    }

    public InterpolationContext withAllowedFields(Set<String> fields) {
        return toBuilder().allowedFields(fields).build();
    }

    public InterpolationContext withAllowBuildFunction(boolean allowed) {
        return toBuilder().allowBuildFunction(allowed).build();
    }

    public InterpolationContext withFieldValues(Map<String, String> values) {
        return toBuilder().fieldValues(values).build();
    }

    public InterpolationContext withBuildData(Map<String, String> data) {
        return toBuilder().buildData(data).build();
    }

    @Override
    public String toString() {
        // Values are left out on purpose: variables and build data may hold secrets.
        return "InterpolationContext[variables=" + declaredVariables.keySet()
                + ", envAllowed=" + envAllowed
                + ", buildName=" + buildName
                + ", buildType=" + buildType
                + ", workingDir=" + workingDir
                + ", templateDir=" + templateDir
                + ", initTime=" + initTime
                + ", allowedFields=" + allowedFields
                + ", allowBuildFunction=" + allowBuildFunction
                + ", fieldValues=" + fieldValues.keySet()
                + ", buildData=" + buildData.keySet() + "]";
    }

    /** Mutable builder; {@link #build()} may be called more than once. */
    public static final class Builder {
        private Map<String, String> declaredVariables = Map.of();
        private boolean envAllowed;
        private Map<String, String> env = System.getenv();
        private String buildName;
        private String buildType;
        private Path workingDir = Path.of("").toAbsolutePath();
        private Path templateDir;
        private Instant initTime = Instant.now();
        private Set<String> allowedFields = Set.of();
        private boolean allowBuildFunction;
        private Map<String, String> fieldValues = Map.of();
        private Map<String, String> buildData = Map.of();

        private Builder() {
        }

        private Builder(InterpolationContext c) {
            declaredVariables = c.declaredVariables;
            envAllowed = c.envAllowed;
            env = c.env;
            buildName = c.buildName;
            buildType = c.buildType;
            workingDir = c.workingDir;
            templateDir = c.templateDir;
            initTime = c.initTime;
            allowedFields = c.allowedFields;
            allowBuildFunction = c.allowBuildFunction;
            fieldValues = c.fieldValues;
            buildData = c.buildData;
        }

        public Builder declaredVariables(Map<String, String> variables) {
            this.declaredVariables = Map.copyOf(variables);
            return this;
        }

        public Builder envAllowed(boolean allowed) {
            this.envAllowed = allowed;
            return this;
        }

        public Builder env(Map<String, String> environment) {
            this.env = Map.copyOf(environment);
            return this;
        }

        public Builder buildName(String name) {
            this.buildName = name;
            return this;
        }

        public Builder buildType(String type) {
            this.buildType = type;
            return this;
        }

        public Builder workingDir(Path dir) {
            this.workingDir = Objects.requireNonNull(dir, "workingDir").toAbsolutePath();
            return this;
        }

        public Builder templateDir(Path dir) {
            this.templateDir = dir == null ? null : dir.toAbsolutePath();
            return this;
        }

        public Builder initTime(Instant time) {
            this.initTime = Objects.requireNonNull(time, "initTime");
            return this;
        }

        public Builder allowedFields(Set<String> fields) {
            this.allowedFields = Set.copyOf(fields);
            return this;
        }

        public Builder allowBuildFunction(boolean allowed) {
            this.allowBuildFunction = allowed;
            return this;
        }

        public Builder fieldValues(Map<String, String> values) {
            this.fieldValues = Map.copyOf(values);
            return this;
        }

        public Builder buildData(Map<String, String> data) {
            this.buildData = Map.copyOf(data);
            return this;
        }

        public InterpolationContext build() {
            return new InterpolationContext(this);
        }
    }
}
